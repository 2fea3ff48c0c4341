// Deadlines are calendar days in the district. They are stored as @db.Date, which Prisma hands over as
// a Date at UTC midnight; every day here is represented the same way so that days compare directly.

const dayMs = 24 * 60 * 60 * 1000;

/** One formatter per time zone: making one costs more than the rest of a small request. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar day it is at `instant` in `timeZone`, as a Date at UTC midnight. */
export function dayIn(instant: Date, timeZone: string): Date {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return new Date(`${format.format(instant)}T00:00:00.000Z`);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * dayMs);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / dayMs);
}

/** YYYY-MM-DD of a day. */
export function formatDay(day: Date): string {
  return day.toISOString().slice(0, 10);
}

/** Parses YYYY-MM-DD strictly (no rollover of 2026-02-30 into March). */
export function parseDay(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const day = new Date(`${text}T00:00:00.000Z`);
  return Number.isNaN(day.getTime()) || formatDay(day) !== text ? null : day;
}

// Days are Dates at UTC midnight: that is how Prisma reads and writes @db.Date columns.

/** The district's time zone (UTC+7, no daylight saving time). */
export const demoTimeZone = 'Asia/Ho_Chi_Minh';

/**
 * A day in seed data: 'YYYY-MM-DD' for fixed history, or a number of days relative to the demo's
 * today (-3 = three days ago), so that open tasks stay open whenever the demo is loaded.
 */
export type DaySpec = string | number;

const msPerDay = 86_400_000;
const isoDayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function day(iso: string): Date {
  const match = isoDayPattern.exec(iso);
  const date = new Date(`${iso}T00:00:00Z`);
  // Reject '2022-02-30' too, which Date would roll over into March.
  if (!match || Number.isNaN(date.getTime()) || isoDay(date) !== iso) {
    throw new RangeError(`Not a calendar day: "${iso}"`);
  }
  return date;
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * msPerDay);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / msPerDay);
}

/** The calendar day of an instant in a time zone, as UTC midnight. */
export function calendarDay(instant: Date, timeZone: string = demoTimeZone): Date {
  // en-CA formats as YYYY-MM-DD.
  const formatted = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return day(formatted);
}

export function resolveDay(spec: DaySpec, today: Date): Date {
  return typeof spec === 'number' ? addDays(today, spec) : day(spec);
}

/** The instant at hh:mm Vietnam time on a day. */
export function atVietnamTime(date: Date, hour: number, minute = 0): Date {
  return new Date(date.getTime() + ((hour - 7) * 60 + minute) * 60_000);
}

/** dd/mm/yyyy, as dates are written in Vietnamese documents. */
export function vietnameseDate(date: Date): string {
  const [year, month, dayOfMonth] = isoDay(date).split('-');
  return `${dayOfMonth}/${month}/${year}`;
}

// How days and instants read in each language: dd/mm/yyyy (and HH:mm) in Vietnamese, "27 Nov 2026" in
// English.
// Instants show in the district's time zone, whatever the browser's.

const districtTimeZone = 'Asia/Ho_Chi_Minh';

/** The Intl locale of an app language, for dates and numbers. */
export function intlLocale(locale: string): string {
  return locale === 'vi' ? 'vi-VN' : 'en-GB';
}

/** Options for a calendar day (a `Date` scalar, "YYYY-MM-DD"): read in UTC so the day never shifts. */
export function dayOptions(locale: string): Intl.DateTimeFormatOptions {
  return locale === 'vi'
    ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
    : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
}

/** Options for an instant (a `DateTime` scalar), to the minute or to the second. */
export function instantOptions(locale: string, seconds = false): Intl.DateTimeFormatOptions {
  return {
    ...dayOptions(locale),
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds && { second: '2-digit' }),
    timeZone: districtTimeZone,
  };
}

/**
 * "28/11/2026 14:05" in Vietnamese (the day first, as on paper), "28 Nov 2026, 14:05" in English;
 * with `seconds`, "28/11/2026 14:05:09".
 */
export function formatInstant(value: string, locale: string, { seconds = false } = {}): string {
  const date = new Date(value);
  if (locale !== 'vi') return date.toLocaleString(intlLocale(locale), instantOptions(locale, seconds));
  // vi-VN puts the time first ("14:05 28/11/2026"): assemble the parts in the order people write.
  const parts = new Intl.DateTimeFormat('vi-VN', {
    ...instantOptions(locale, seconds),
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  const time = `${part('hour')}:${part('minute')}${seconds ? `:${part('second')}` : ''}`;
  return `${part('day')}/${part('month')}/${part('year')} ${time}`;
}

// Viet Nam keeps UTC+7 all year (no daylight saving), so the district's wall clock is a fixed offset.
const districtOffset = '+07:00';
const districtOffsetMs = 7 * 60 * 60 * 1000;

/** What a date-time input typed ("2026-11-28T14:05", the district's time) means, as an ISO instant. */
export function districtInputToInstant(value: unknown): string | null {
  if (typeof value !== 'string' || value === '') return null;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}${districtOffset}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An ISO instant as a date-time input shows it, on the district's clock: "2026-11-28T14:05". */
export function instantToDistrictInput(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return new Date(date.getTime() + districtOffsetMs).toISOString().slice(0, 16);
}

export function formatDay(value: string, locale: string): string {
  return new Date(value).toLocaleDateString(intlLocale(locale), dayOptions(locale));
}

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

/** Options for an instant (a `DateTime` scalar). */
export function instantOptions(locale: string): Intl.DateTimeFormatOptions {
  return { ...dayOptions(locale), hour: '2-digit', minute: '2-digit', timeZone: districtTimeZone };
}

/** "28/11/2026 14:05" in Vietnamese (the day first, as on paper), "28 Nov 2026, 14:05" in English. */
export function formatInstant(value: string, locale: string): string {
  const date = new Date(value);
  if (locale !== 'vi') return date.toLocaleString(intlLocale(locale), instantOptions(locale));
  // vi-VN puts the time first ("14:05 28/11/2026"): assemble the parts in the order people write.
  const parts = new Intl.DateTimeFormat('vi-VN', { ...instantOptions(locale), hourCycle: 'h23' }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((candidate) => candidate.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

export function formatDay(value: string, locale: string): string {
  return new Date(value).toLocaleDateString(intlLocale(locale), dayOptions(locale));
}

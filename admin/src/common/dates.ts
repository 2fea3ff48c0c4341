// How days and instants read in each language: dd/mm/yyyy in Vietnamese, "27 Nov 2026" in English.
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

export function formatInstant(value: string, locale: string): string {
  return new Date(value).toLocaleString(intlLocale(locale), instantOptions(locale));
}

export function formatDay(value: string, locale: string): string {
  return new Date(value).toLocaleDateString(intlLocale(locale), dayOptions(locale));
}

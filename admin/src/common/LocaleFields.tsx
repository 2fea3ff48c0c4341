// Dates and numbers written the way the current language writes them (vi-VN: 15/07/2022, 92,2).
import { DateField, NumberField, useLocaleState, type DateFieldProps, type NumberFieldProps } from 'react-admin';
import { intlLocale, dayOptions, instantOptions } from './dates';

/** A calendar day (`Date` scalar). */
export const DayField = (props: Omit<DateFieldProps, 'locales' | 'options' | 'showTime'>) => {
  const [locale] = useLocaleState();
  return <DateField {...props} locales={intlLocale(locale)} options={dayOptions(locale)} />;
};

/** An instant (`DateTime` scalar) with its time, in the district's time zone. */
export const InstantField = (props: Omit<DateFieldProps, 'locales' | 'options' | 'showTime'>) => {
  const [locale] = useLocaleState();
  return <DateField {...props} showTime locales={intlLocale(locale)} options={instantOptions(locale)} />;
};

/** A number with the language's decimal separator. */
export const DecimalField = (props: Omit<NumberFieldProps, 'locales'>) => {
  const [locale] = useLocaleState();
  return <NumberField {...props} locales={intlLocale(locale)} />;
};

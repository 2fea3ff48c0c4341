// Dates and numbers written the way the current language writes them (vi-VN: 15/07/2022, 92,2).
import { Typography } from '@mui/material';
import {
  DateField,
  NumberField,
  useFieldValue,
  useLocaleState,
  useTranslate,
  type DateFieldProps,
  type FieldProps,
  type NumberFieldProps,
} from 'react-admin';
import { intlLocale, dayOptions, formatInstant } from './dates';

/** A calendar day (`Date` scalar). */
export const DayField = (props: Omit<DateFieldProps, 'locales' | 'options' | 'showTime'>) => {
  const [locale] = useLocaleState();
  return <DateField {...props} locales={intlLocale(locale)} options={dayOptions(locale)} />;
};

/**
 * An instant (`DateTime` scalar) with its time, in the district's time zone: 28/11/2026 14:05, or
 * 28/11/2026 14:05:09 with `seconds`.
 */
export const InstantField = ({ seconds = false, ...props }: FieldProps & { source: string; seconds?: boolean }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const value: unknown = useFieldValue(props);
  const text =
    typeof value === 'string'
      ? formatInstant(value, locale, { seconds })
      : props.emptyText
        ? translate(props.emptyText)
        : '';
  return (
    <Typography component="span" variant="body2" className={props.className} sx={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography>
  );
};

/** A number with the language's decimal separator. */
export const DecimalField = (props: Omit<NumberFieldProps, 'locales'>) => {
  const [locale] = useLocaleState();
  return <NumberField {...props} locales={intlLocale(locale)} />;
};

import { Chip, type ChipProps } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { enumLabel, type EnumName, type EnumValue } from '../enums';

interface EnumFieldProps<E extends EnumName> extends FieldProps {
  source: string;
  enumName: E;
  /** Chip colours by value; values without one are plain. */
  colors?: Partial<Record<EnumValue<E>, ChipProps['color']>>;
}

/** An enum value as a chip with its label in the current language. */
export const EnumField = <E extends EnumName>({ enumName, colors, ...props }: EnumFieldProps<E>) => {
  const translate = useTranslate();
  const value: unknown = useFieldValue(props);
  if (typeof value !== 'string') return null;
  return (
    <Chip
      size="small"
      // Long labels ("Hoàn thành trong hạn gia hạn") wrap rather than widen a table column.
      sx={{ width: 'fit-content', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 } }}
      label={translate(enumLabel(enumName, value), { _: value })}
      color={colors?.[value as EnumValue<E>] ?? 'default'}
    />
  );
};

import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { enumLabel } from '../enums';

interface Measured {
  id: string;
  comparator: string;
  targetValue: number;
  measure: string;
}

/** The target as a sentence: "> 92 %", "≥ 93 %", "≤ 6 hạng". */
export const TargetValueField = () => {
  const record = useRecordContext<Measured>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {translate(enumLabel('Comparator', record.comparator))} {record.targetValue} {record.measure}
    </Typography>
  );
};

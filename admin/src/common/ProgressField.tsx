import { Box, LinearProgress, Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** A percentage from 0 to 100 as a bar with its number. */
export const ProgressField = (props: FieldProps & { source: string }) => {
  const value: unknown = useFieldValue(props);
  if (typeof value !== 'number') return null;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 90 }}>
      <LinearProgress variant="determinate" value={value} sx={{ flexGrow: 1, height: 6, borderRadius: 3 }} />
      <Typography variant="body2" sx={{ minWidth: 36, textAlign: 'right' }}>
        {value}%
      </Typography>
    </Box>
  );
};

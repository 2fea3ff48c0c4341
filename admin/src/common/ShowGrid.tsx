import { Box, CardContent, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** The padded body of a show page that lays out its own fields. */
export const ShowBody = ({ children }: { children: ReactNode }) => <CardContent>{children}</CardContent>;

/** Labelled fields side by side, wrapping on narrow screens. */
export const ShowGrid = ({ children }: { children: ReactNode }) => (
  <Box
    sx={{
      display: 'grid',
      gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
      columnGap: 3,
      rowGap: 1,
      mb: 2,
    }}
  >
    {children}
  </Box>
);

/** A titled part of a show page, e.g. the evidence of a task. */
export const ShowSection = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mt: 3 }}>
      <Typography variant="h6" gutterBottom>
        {translate(title, { smart_count: 2 })}
      </Typography>
      {children}
    </Box>
  );
};

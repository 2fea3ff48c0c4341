// A dashboard panel: a card with a heading, an optional action (export, a switch) and its body, or a
// spinner while loading and the reason when its query failed, so one failing panel leaves the rest.
import { Alert, Card, CardContent, CardHeader, CircularProgress, Box } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

interface PanelProps {
  /** i18n key of the heading. */
  title: string;
  subheader?: ReactNode;
  action?: ReactNode;
  isPending?: boolean;
  error?: unknown;
  children?: ReactNode;
  /** Grid columns the panel spans on a wide screen (of 12). */
  span?: number;
}

export const Panel = ({ title, subheader, action, isPending, error, children, span = 6 }: PanelProps) => {
  const translate = useTranslate();
  const id = `panel-${title.replaceAll('.', '-')}`;
  return (
    <Card
      component="section"
      aria-labelledby={id}
      sx={{ gridColumn: { xs: '1 / -1', lg: `span ${span}` }, display: 'flex', flexDirection: 'column' }}
    >
      <CardHeader
        title={translate(title)}
        subheader={subheader}
        action={action}
        slotProps={{ title: { id, variant: 'h6', component: 'h2' } }}
        sx={{ pb: 0, '& .MuiCardHeader-action': { alignSelf: 'center' } }}
      />
      <CardContent sx={{ flex: 1 }}>
        {error ? (
          <Alert severity="warning">
            {error instanceof Error
              ? translate(error.message, { _: error.message })
              : translate('ra.notification.http_error')}
          </Alert>
        ) : isPending ? (
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
            <CircularProgress size={32} aria-label={translate('ra.page.loading')} />
          </Box>
        ) : (
          children
        )}
      </CardContent>
    </Card>
  );
};

import DueSoonIcon from '@mui/icons-material/AlarmOutlined';
import OpenIcon from '@mui/icons-material/PendingActionsOutlined';
import OverdueIcon from '@mui/icons-material/ReportProblemOutlined';
import { Box, CircularProgress, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { enumLabel } from '../enums';
import { TaskCountCard } from './TaskCountCard';

// The charts and their library load after the first page, on their own.
const CommitteeDashboard = lazy(() => import('./CommitteeDashboard'));

/** The first page: open, due-soon and overdue task counts, then the committee's dashboard. */
const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Box sx={{ mt: 2, mb: 4 }}>
      <Title title="par.dashboard.title" />
      <Typography variant="h5" component="h2">
        {translate('par.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      {identity && (
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {[translate(enumLabel('Role', identity.role)), identity.unitName].filter(Boolean).join(' · ')}
        </Typography>
      )}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <TaskCountCard
          title="par.dashboard.open"
          timeliness={['ON_TRACK', 'DUE_SOON', 'OVERDUE']}
          icon={<OpenIcon color="info" fontSize="large" />}
          color="info.main"
        />
        <TaskCountCard
          title="par.dashboard.due_soon"
          timeliness={['DUE_SOON']}
          icon={<DueSoonIcon color="warning" fontSize="large" />}
          color="warning.main"
        />
        <TaskCountCard
          title="par.dashboard.overdue"
          timeliness={['OVERDUE']}
          icon={<OverdueIcon color="error" fontSize="large" />}
          color="error.main"
        />
      </Box>
      <Suspense
        fallback={
          <Box sx={{ display: 'flex', justifyContent: 'center', py: 6 }}>
            <CircularProgress aria-label={translate('ra.page.loading')} />
          </Box>
        }
      >
        <CommitteeDashboard />
      </Suspense>
    </Box>
  );
};

export default Dashboard;

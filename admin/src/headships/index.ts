import HeadshipIcon from '@mui/icons-material/BadgeOutlined';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./HeadshipList')),
  show: lazy(() => import('./HeadshipShow')),
  icon: HeadshipIcon,
  recordRepresentation: (record: RaRecord) => `${record.title} – ${record.person?.fullName ?? ''}`,
};

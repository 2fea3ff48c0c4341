import IndexResultIcon from '@mui/icons-material/LeaderboardOutlined';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./IndexResultList')),
  show: lazy(() => import('./IndexResultShow')),
  icon: IndexResultIcon,
  recordRepresentation: (record: RaRecord) => `${record.unit?.name ?? ''} ${record.year}`,
};

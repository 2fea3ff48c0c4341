import TargetIcon from '@mui/icons-material/TrackChangesOutlined';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./TargetList')),
  show: lazy(() => import('./TargetShow')),
  edit: lazy(() => import('./TargetEdit')),
  create: lazy(() => import('./TargetCreate')),
  icon: TargetIcon,
  recordRepresentation: (record: RaRecord) => `${record.code} – ${record.indicator}`,
};

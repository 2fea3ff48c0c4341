import ObjectiveIcon from '@mui/icons-material/FlagOutlined';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./ObjectiveList')),
  show: lazy(() => import('./ObjectiveShow')),
  edit: lazy(() => import('./ObjectiveEdit')),
  create: lazy(() => import('./ObjectiveCreate')),
  icon: ObjectiveIcon,
  recordRepresentation: (record: RaRecord) => `${record.code} – ${record.title}`,
};

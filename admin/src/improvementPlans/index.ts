import PlanIcon from '@mui/icons-material/InsightsOutlined';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./PlanList')),
  show: lazy(() => import('./PlanShow')),
  edit: lazy(() => import('./PlanEdit')),
  create: lazy(() => import('./PlanCreate')),
  icon: PlanIcon,
  recordRepresentation: (record: RaRecord) => `${String(record.unit?.name ?? '')} – ${String(record.year)}`,
};

import ReformAreaIcon from '@mui/icons-material/CategoryOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ReformAreaList')),
  show: lazy(() => import('./ReformAreaShow')),
  icon: ReformAreaIcon,
  recordRepresentation: 'name',
};

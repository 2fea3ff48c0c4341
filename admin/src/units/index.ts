import UnitIcon from '@mui/icons-material/AccountTreeOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./UnitList')),
  show: lazy(() => import('./UnitShow')),
  edit: lazy(() => import('./UnitEdit')),
  create: lazy(() => import('./UnitCreate')),
  icon: UnitIcon,
  recordRepresentation: 'name',
};

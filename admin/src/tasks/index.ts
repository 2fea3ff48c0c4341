import TaskIcon from '@mui/icons-material/AssignmentOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./TaskList')),
  show: lazy(() => import('./TaskShow')),
  edit: lazy(() => import('./TaskEdit')),
  create: lazy(() => import('./TaskCreate')),
  icon: TaskIcon,
  recordRepresentation: 'title',
};

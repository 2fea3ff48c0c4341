import PersonIcon from '@mui/icons-material/PeopleOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./PersonList')),
  show: lazy(() => import('./PersonShow')),
  icon: PersonIcon,
  recordRepresentation: 'fullName',
};

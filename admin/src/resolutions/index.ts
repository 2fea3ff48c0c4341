import ResolutionIcon from '@mui/icons-material/GavelOutlined';
import { lazy } from 'react';

export default {
  list: lazy(() => import('./ResolutionList')),
  show: lazy(() => import('./ResolutionShow')),
  icon: ResolutionIcon,
  recordRepresentation: 'code',
};

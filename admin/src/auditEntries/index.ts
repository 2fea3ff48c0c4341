import AuditIcon from '@mui/icons-material/HistoryOutlined';
import { lazy } from 'react';

// Read-only: a list and nothing else (access.ts refuses create and edit, the API has no mutation).
export default {
  list: lazy(() => import('./AuditEntryList')),
  icon: AuditIcon,
};

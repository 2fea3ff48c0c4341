import AccountIcon from '@mui/icons-material/ManageAccountsOutlined';
import { lazy } from 'react';
import type { AccountRecord } from './types';

// The secretariat's accounts (access.ts refuses them to every other role): no show page, a row opens
// the edit form, whose toolbar disables or re-enables the account and resets its password.
export default {
  list: lazy(() => import('./AccountList')),
  edit: lazy(() => import('./AccountEdit')),
  create: lazy(() => import('./AccountCreate')),
  icon: AccountIcon,
  recordRepresentation: (account: AccountRecord) => `${account.displayName} (${account.username ?? ''})`,
};

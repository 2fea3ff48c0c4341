import { Edit, ListButton, TopToolbar } from 'react-admin';
import { ResetPasswordButton, ToggleDisabledButton, UnlockSignInButton } from './AccountActions';
import { AccountForm } from './AccountForm';

const AccountEditActions = () => (
  <TopToolbar>
    <ToggleDisabledButton />
    <ResetPasswordButton />
    <UnlockSignInButton />
    <ListButton />
  </TopToolbar>
);

// Pessimistic: the API may refuse (a unit head without a unit, the secretariat's own role) and the
// form must show why beside the inputs.
const AccountEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" actions={<AccountEditActions />}>
    <AccountForm />
  </Edit>
);

export default AccountEdit;

import { Create } from 'react-admin';
import { AccountForm } from './AccountForm';

// Back to the list, where the new account shows among the others.
const AccountCreate = () => (
  <Create redirect="list">
    <AccountForm />
  </Create>
);

export default AccountCreate;

import { Create } from 'react-admin';
import { TargetForm } from './TargetForm';

const TargetCreate = () => (
  <Create redirect="show">
    <TargetForm />
  </Create>
);

export default TargetCreate;

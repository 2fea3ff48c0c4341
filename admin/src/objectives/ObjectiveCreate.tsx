import { Create } from 'react-admin';
import { ObjectiveForm } from './ObjectiveForm';

const ObjectiveCreate = () => (
  <Create redirect="show">
    <ObjectiveForm />
  </Create>
);

export default ObjectiveCreate;

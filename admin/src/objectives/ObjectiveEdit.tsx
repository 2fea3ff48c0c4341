import { Edit } from 'react-admin';
import { ObjectiveForm } from './ObjectiveForm';

const ObjectiveEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <ObjectiveForm />
  </Edit>
);

export default ObjectiveEdit;

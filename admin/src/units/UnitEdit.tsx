import { Edit } from 'react-admin';
import { UnitForm } from './UnitForm';

const UnitEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <UnitForm />
  </Edit>
);

export default UnitEdit;

import { Create } from 'react-admin';
import { UnitForm } from './UnitForm';

const UnitCreate = () => (
  <Create redirect="show">
    <UnitForm />
  </Create>
);

export default UnitCreate;

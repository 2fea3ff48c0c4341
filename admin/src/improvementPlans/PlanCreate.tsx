import { Create } from 'react-admin';
import { PlanForm } from './PlanForm';

// A unit head drafts their unit's plan (the secretariat any unit's); it starts as a DRAFT.
const PlanCreate = () => (
  <Create>
    <PlanForm />
  </Create>
);

export default PlanCreate;

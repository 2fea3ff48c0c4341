import { Edit, useEditContext } from 'react-admin';
import { PlanForm } from './PlanForm';
import type { PlanRecord } from './types';

const PlanEditForm = () => {
  const { record, refetch } = useEditContext<PlanRecord>();
  if (!record) return null;
  return <PlanForm plan={record} reload={() => void refetch()} />;
};

// A plan changes while it is with the unit (DRAFT or RETURNED); the save names the version read.
const PlanEdit = () => (
  <Edit mutationMode="pessimistic" actions={false}>
    <PlanEditForm />
  </Edit>
);

export default PlanEdit;

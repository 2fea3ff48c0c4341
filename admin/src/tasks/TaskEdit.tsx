import { Edit, usePermissions } from 'react-admin';
import type { Role } from '../enums';
import { ProgressReportForm, TaskForm } from './TaskForm';

// Pessimistic: the API may refuse (stale version, a rule of the workflow) and the form must show why.
const TaskEdit = () => {
  const { permissions, isPending } = usePermissions<Role>();
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      {isPending ? null : permissions === 'ADMIN' ? <TaskForm /> : <ProgressReportForm />}
    </Edit>
  );
};

export default TaskEdit;

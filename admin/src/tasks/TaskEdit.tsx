import { Edit } from 'react-admin';
import { TaskForm } from './TaskForm';

// The secretariat changes the plan of a task (unit heads report through the workflow dialogs).
// Pessimistic: the API may refuse (stale version, a rule of the workflow) and the form must show why.
const TaskEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <TaskForm />
  </Edit>
);

export default TaskEdit;

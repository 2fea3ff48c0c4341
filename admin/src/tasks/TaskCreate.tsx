import { Create } from 'react-admin';
import { TaskForm } from './TaskForm';

const TaskCreate = () => (
  <Create redirect="show">
    <TaskForm />
  </Create>
);

export default TaskCreate;

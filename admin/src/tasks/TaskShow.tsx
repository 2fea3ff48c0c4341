// A task's page: where it stands (TaskHeader), what the signed-in account may do now (TaskActions,
// from the API's allowedActions), the plan, the evidence, the extension requests and the timeline.
import { Divider, Typography } from '@mui/material';
import { Labeled, NumberField, Show, useRecordContext } from 'react-admin';
import { DayField, InstantField } from '../common/LocaleFields';
import { ReferenceChips, ReferenceLink } from '../common/ReferenceLink';
import { ReformAreaLink } from '../common/ReformAreaLink';
import { ShowBody, ShowGrid } from '../common/ShowGrid';
import { TaskActions } from './TaskActions';
import { TaskEvidence } from './TaskEvidence';
import { TaskExtensions } from './TaskExtensions';
import { TaskHeader } from './TaskHeader';
import { TaskTimeline } from './TaskTimeline';
import type { TaskRecord } from './types';

const TaskDetails = () => {
  const task = useRecordContext<TaskRecord>();
  if (!task) return null;
  return (
    <ShowBody>
      <TaskHeader />
      <Divider sx={{ mb: 2 }} />
      {task.description && (
        <Typography variant="body1" sx={{ whiteSpace: 'pre-line', mb: 2 }}>
          {task.description}
        </Typography>
      )}
      <ShowGrid>
        <Labeled source="supportingUnits">
          <ReferenceChips source="supportingUnits" reference="units" display="name" />
        </Labeled>
        <Labeled source="objective">
          <ReferenceLink source="objective" reference="objectives" display="title" />
        </Labeled>
        <Labeled source="reformArea">
          <ReformAreaLink source="objective.reformArea" />
        </Labeled>
        <Labeled source="resolution">
          <ReferenceLink source="objective.resolution" reference="resolutions" display="code" />
        </Labeled>
        <Labeled source="startDate">
          <DayField source="startDate" />
        </Labeled>
        <Labeled source="originalDeadline">
          <DayField source="originalDeadline" />
        </Labeled>
        <Labeled source="completedOn">
          <DayField source="completedOn" emptyText="—" />
        </Labeled>
        <Labeled source="evidenceCount">
          <NumberField source="evidenceCount" />
        </Labeled>
        <Labeled source="updatedAt">
          <InstantField source="updatedAt" />
        </Labeled>
      </ShowGrid>
      <TaskEvidence />
      <TaskExtensions />
    </ShowBody>
  );
};

// The timeline sits beside the task on wide screens and below it on phones.
const TaskShow = () => (
  <Show
    actions={<TaskActions />}
    aside={<TaskTimeline />}
    sx={{ '& .RaShow-main': { flexDirection: { xs: 'column', md: 'row' } } }}
  >
    <TaskDetails />
  </Show>
);

export default TaskShow;

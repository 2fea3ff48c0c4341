// The top of a task's page: where it stands at a glance (status, timeliness in colour, deadline and
// the original one when extended, the accountable head, progress), and the reason for a return or a
// cancellation in a banner the unit cannot miss.
import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import { Labeled, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDay } from '../common/dates';
import { InstantField } from '../common/LocaleFields';
import { ProgressField } from '../common/ProgressField';
import { ReferenceLink } from '../common/ReferenceLink';
import { ShowGrid } from '../common/ShowGrid';
import { DeadlineField, PriorityField, StatusField, TimelinessField } from './TaskFields';
import type { TaskRecord } from './types';

/** The reason given with the last return or cancellation, while the task is in that status. */
export const StatusReasonBanner = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!task?.statusReason) return null;
  if (task.status !== 'RETURNED' && task.status !== 'CANCELLED') return null;
  const returned = task.status === 'RETURNED';
  return (
    <Alert severity={returned ? 'warning' : 'error'} variant="filled" sx={{ mb: 2 }}>
      <AlertTitle>{translate(returned ? 'par.task.returned_reason' : 'par.task.cancelled_reason')}</AlertTitle>
      <Box component="span" sx={{ whiteSpace: 'pre-line' }}>
        {task.statusReason}
      </Box>
    </Alert>
  );
};

/** The current deadline, and the original one below it when an extension moved it. */
const TaskDeadline = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const extended = task?.originalDeadline && task.originalDeadline !== task.deadline;
  return (
    <Box>
      <DeadlineField />
      {extended && task.originalDeadline && (
        <Typography variant="caption" component="div" color="text.secondary">
          {translate('par.task.extended_from', { date: formatDay(task.originalDeadline, locale) })}
        </Typography>
      )}
    </Box>
  );
};

export const TaskHeader = () => {
  const task = useRecordContext<TaskRecord>();
  if (!task) return null;
  return (
    <Box component="header">
      <Typography variant="h5" component="h2" gutterBottom>
        {task.title}
      </Typography>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1, mb: 2 }}>
        <StatusField />
        <TimelinessField />
        <PriorityField />
      </Stack>
      <StatusReasonBanner />
      <ShowGrid>
        <Labeled source="deadline">
          <TaskDeadline />
        </Labeled>
        <Labeled source="responsibleHead">
          <ReferenceLink source="responsibleHead" reference="people" display="fullName" />
        </Labeled>
        <Labeled source="leadUnit">
          <ReferenceLink source="leadUnit" reference="units" display="name" />
        </Labeled>
        <Labeled source="progress">
          <ProgressField source="progress" />
        </Labeled>
        {task.submittedAt && (
          <Labeled source="submittedAt">
            <InstantField source="submittedAt" />
          </Labeled>
        )}
      </ShowGrid>
    </Box>
  );
};

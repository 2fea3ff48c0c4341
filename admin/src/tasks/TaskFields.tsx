// How a task's state reads at a glance: coloured chips for status, timeliness and priority, and the
// deadline with the days left or overdue.
import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DayField } from '../common/LocaleFields';
import { EnumField } from '../common/EnumField';

export const StatusField = () => (
  <EnumField
    source="status"
    enumName="TaskStatus"
    colors={{ IN_PROGRESS: 'info', SUBMITTED: 'secondary', RETURNED: 'warning', COMPLETED: 'success' }}
  />
);

export const TimelinessField = () => (
  <EnumField
    source="timeliness"
    enumName="Timeliness"
    colors={{
      ON_TRACK: 'info',
      DUE_SOON: 'warning',
      OVERDUE: 'error',
      COMPLETED_ON_TIME: 'success',
      COMPLETED_WITHIN_EXTENSION: 'success',
      COMPLETED_LATE: 'warning',
    }}
  />
);

export const PriorityField = () => (
  <EnumField source="priority" enumName="TaskPriority" colors={{ HIGH: 'warning', URGENT: 'error' }} />
);

/** The deadline, and below it the days left (or overdue) while the task is open. */
export const DeadlineField = () => {
  const record = useRecordContext<{ id: string; daysToDeadline?: number | null }>();
  const translate = useTranslate();
  const days = record?.daysToDeadline;
  return (
    <Box>
      <DayField source="deadline" />
      {typeof days === 'number' && (
        <Typography variant="caption" component="div" color={days < 0 ? 'error' : 'text.secondary'}>
          {days < 0
            ? translate('par.task.days_overdue', { smart_count: -days })
            : days === 0
              ? translate('par.task.due_today')
              : translate('par.task.days_left', { smart_count: days })}
        </Typography>
      )}
    </Box>
  );
};

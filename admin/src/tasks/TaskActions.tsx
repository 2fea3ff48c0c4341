// The workflow buttons of a task: only those the API lists in `allowedActions` for the signed-in
// account, so the page never offers what the server would refuse. Each opens a small dialog.
import ApproveIcon from '@mui/icons-material/CheckCircleOutlined';
import CancelIcon from '@mui/icons-material/DoNotDisturbOnOutlined';
import ProgressIcon from '@mui/icons-material/TrendingUp';
import ReturnIcon from '@mui/icons-material/UndoOutlined';
import StartIcon from '@mui/icons-material/PlayArrowOutlined';
import SubmitIcon from '@mui/icons-material/SendOutlined';
import { Typography } from '@mui/material';
import {
  EditButton,
  maxValue,
  minValue,
  NumberInput,
  required,
  TextInput,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ActionDialog, type FieldValues } from '../common/ActionDialog';
import { allowedActionsOf, type TaskRecord } from './types';

const noteOf = (values: FieldValues) => (typeof values.note === 'string' ? values.note : null);
const reasonOf = (values: FieldValues) => (typeof values.reason === 'string' ? values.reason : '');

const NoteInput = ({ label = 'par.workflow.note' }: { label?: string }) => (
  <TextInput source="note" label={label} multiline minRows={2} fullWidth />
);

const ReasonInput = () => (
  <TextInput
    source="reason"
    label="par.workflow.reason"
    helperText="par.workflow.reason_help"
    validate={required()}
    multiline
    minRows={3}
    fullWidth
  />
);

const Explanation = ({ text, args }: { text: string; args?: Record<string, unknown> }) => {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
      {translate(text, args)}
    </Typography>
  );
};

const progressRange = [required(), minValue(0), maxValue(100)];

export const TaskActions = () => {
  const task = useRecordContext<TaskRecord>();
  const allowed = allowedActionsOf(task);
  if (!task || allowed.size === 0) return <TopToolbar />;
  const step = { id: task.id, version: task.version };
  const pendingEvidence = (task.evidence ?? []).filter((item) => item.reviewStatus !== 'REJECTED').length;

  return (
    <TopToolbar sx={{ flexWrap: 'wrap', gap: 1 }}>
      {allowed.has('START') && (
        <ActionDialog
          label="par.workflow.start"
          icon={<StartIcon />}
          success="par.workflow.started"
          description={<Explanation text="par.workflow.start_help" />}
          onSubmit={(values, provider) => provider.startTask({ ...step, note: noteOf(values) })}
        >
          <NoteInput />
        </ActionDialog>
      )}
      {allowed.has('REPORT_PROGRESS') && (
        <ActionDialog
          label="par.workflow.report_progress"
          icon={<ProgressIcon />}
          success="par.workflow.progress_reported"
          defaultValues={{ progress: task.progress }}
          description={<Explanation text="par.workflow.report_progress_help" />}
          onSubmit={(values, provider) =>
            provider.reportProgress({
              ...step,
              progress: typeof values.progress === 'number' ? values.progress : null,
              note: noteOf(values),
            })
          }
        >
          <NumberInput
            source="progress"
            label="resources.tasks.fields.progress"
            min={0}
            max={100}
            step={5}
            validate={progressRange}
          />
          <NoteInput label="par.workflow.work_done" />
        </ActionDialog>
      )}
      {allowed.has('SUBMIT') && (
        <ActionDialog
          label="par.workflow.submit"
          icon={<SubmitIcon />}
          variant="contained"
          success="par.workflow.submitted"
          description={<Explanation text="par.workflow.submit_help" args={{ smart_count: pendingEvidence }} />}
          onSubmit={(values, provider) => provider.submitTask({ ...step, note: noteOf(values) })}
        >
          <NoteInput />
        </ActionDialog>
      )}
      {allowed.has('APPROVE') && (
        <ActionDialog
          label="par.workflow.approve"
          icon={<ApproveIcon />}
          color="success"
          variant="contained"
          success="par.workflow.approved"
          description={<Explanation text="par.workflow.approve_help" />}
          onSubmit={(values, provider) => provider.approveTask({ ...step, note: noteOf(values) })}
        >
          <NoteInput />
        </ActionDialog>
      )}
      {allowed.has('RETURN') && (
        <ActionDialog
          label="par.workflow.return"
          icon={<ReturnIcon />}
          color="warning"
          success="par.workflow.returned"
          description={<Explanation text="par.workflow.return_help" />}
          onSubmit={(values, provider) => provider.returnTask({ ...step, reason: reasonOf(values) })}
        >
          <ReasonInput />
        </ActionDialog>
      )}
      {allowed.has('EDIT') && <EditButton />}
      {allowed.has('CANCEL') && (
        <ActionDialog
          label="par.workflow.cancel"
          icon={<CancelIcon />}
          color="error"
          success="par.workflow.cancelled"
          description={<Explanation text="par.workflow.cancel_help" />}
          onSubmit={(values, provider) => provider.cancelTask({ ...step, reason: reasonOf(values) })}
        >
          <ReasonInput />
        </ActionDialog>
      )}
    </TopToolbar>
  );
};

// Deadline extension requests (gia hạn) of a task: each with its status and decision; a request form
// while the task's REQUEST_EXTENSION is allowed and none is pending, and approve/reject or withdraw on a
// request while its own allowedActions include DECIDE or WITHDRAW.
import ApproveIcon from '@mui/icons-material/EventAvailableOutlined';
import RequestIcon from '@mui/icons-material/MoreTimeOutlined';
import RejectIcon from '@mui/icons-material/EventBusyOutlined';
import WithdrawIcon from '@mui/icons-material/UndoOutlined';
import { Box, Stack, Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  DateInput,
  required,
  ResourceContextProvider,
  TextInput,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type Validator,
} from 'react-admin';
import { ActionDialog, type FieldValues } from '../common/ActionDialog';
import { formatDay } from '../common/dates';
import { EnumField } from '../common/EnumField';
import { InstantField } from '../common/LocaleFields';
import { ShowSection } from '../common/ShowGrid';
import { allowedActionsOf, type ExtensionRecord, type TaskRecord } from './types';

const text = (values: FieldValues, name: string) => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

export const ExtensionStatusField = () => (
  <EnumField
    source="status"
    enumName="ExtensionStatus"
    colors={{ PENDING: 'warning', APPROVED: 'success', REJECTED: 'error' }}
  />
);

/** A new deadline must come after the current one (days compare as YYYY-MM-DD strings). */
const laterThan =
  (deadline: string, label: string): Validator =>
  (value: unknown) =>
    typeof value === 'string' && value !== '' && value <= deadline
      ? { message: 'par.extension.must_be_later', args: { date: label } }
      : undefined;

const RequestExtensionButton = ({ task }: { task: TaskRecord }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const current = formatDay(task.deadline, locale);
  return (
    <ActionDialog
      label="par.extension.request"
      icon={<RequestIcon />}
      success="par.extension.requested"
      description={
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('par.extension.request_help', { date: current })}
        </Typography>
      }
      onSubmit={(values, provider) =>
        provider.requestExtension({
          taskId: task.id,
          requestedDeadline: text(values, 'requestedDeadline'),
          reason: text(values, 'reason'),
        })
      }
    >
      <DateInput
        source="requestedDeadline"
        label="resources.deadlineExtensions.fields.requestedDeadline"
        validate={[required(), laterThan(task.deadline, current)]}
      />
      <TextInput
        source="reason"
        label="resources.deadlineExtensions.fields.reason"
        validate={required()}
        multiline
        minRows={3}
        fullWidth
      />
    </ActionDialog>
  );
};

/** Approve, reject and withdraw, as the request's allowedActions say. */
const ExtensionButtons = () => {
  const request = useRecordContext<ExtensionRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!request?.allowedActions?.length) return null;
  const canDecide = request.allowedActions.includes('DECIDE');
  const canWithdraw = request.allowedActions.includes('WITHDRAW');
  const summary = (
    <Typography variant="body2" sx={{ mb: 2 }}>
      {translate('par.extension.summary', {
        from: formatDay(request.previousDeadline, locale),
        to: formatDay(request.requestedDeadline, locale),
      })}
    </Typography>
  );
  return (
    <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1 }}>
      {canDecide && (
        <ActionDialog
          label="par.extension.approve"
          icon={<ApproveIcon />}
          color="success"
          success="par.extension.decided"
          description={summary}
          onSubmit={(values, provider) =>
            provider.decideExtension({ id: request.id, decision: 'APPROVED', note: text(values, 'note') })
          }
        >
          <TextInput source="note" label="par.workflow.note" multiline fullWidth />
        </ActionDialog>
      )}
      {canDecide && (
        <ActionDialog
          label="par.extension.reject"
          icon={<RejectIcon />}
          color="error"
          success="par.extension.decided"
          description={summary}
          onSubmit={(values, provider) =>
            provider.decideExtension({ id: request.id, decision: 'REJECTED', note: text(values, 'note') })
          }
        >
          <TextInput
            source="note"
            label="par.extension.reject_note"
            validate={required()}
            multiline
            minRows={2}
            fullWidth
          />
        </ActionDialog>
      )}
      {canWithdraw && (
        <ActionDialog
          label="par.extension.withdraw"
          icon={<WithdrawIcon />}
          success="par.extension.withdrawn"
          description={summary}
          onSubmit={(_values, provider) => provider.withdrawExtension({ id: request.id })}
        />
      )}
    </Stack>
  );
};

/** When it was asked, and by whom. */
const Requested = () => {
  const request = useRecordContext<ExtensionRecord>();
  if (!request) return null;
  return (
    <Box>
      <InstantField source="requestedAt" />
      {request.requestedBy && (
        <Typography variant="caption" component="div" color="text.secondary">
          {request.requestedBy.displayName}
        </Typography>
      )}
    </Box>
  );
};

/** The deadline then → the deadline asked for. */
const DeadlineChange = () => {
  const request = useRecordContext<ExtensionRecord>();
  const [locale] = useLocaleState();
  if (!request) return null;
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatDay(request.previousDeadline, locale)} → {formatDay(request.requestedDeadline, locale)}
    </Typography>
  );
};

const Note = ({ source }: { source: 'reason' | 'decisionNote' }) => {
  const request = useRecordContext<ExtensionRecord>();
  const value = request?.[source];
  return value ? (
    <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
      {value}
    </Typography>
  ) : null;
};

/** Where the request stands, and the decision's note and maker. */
const Decision = () => {
  const request = useRecordContext<ExtensionRecord>();
  if (!request) return null;
  return (
    <Box>
      <ExtensionStatusField />
      <Note source="decisionNote" />
      {request.decidedBy && (
        <Typography variant="caption" component="div" color="text.secondary">
          {request.decidedBy.displayName}
        </Typography>
      )}
    </Box>
  );
};

export const TaskExtensions = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  if (!task) return null;
  const allowed = allowedActionsOf(task);
  const requests = task.extensionRequests ?? [];
  const hasPending = requests.some((request) => request.status === 'PENDING');
  const actionable = requests.some((request) => (request.allowedActions?.length ?? 0) > 0);
  return (
    <ShowSection title="resources.deadlineExtensions.name">
      {allowed.has('REQUEST_EXTENSION') && !hasPending && (
        <Stack direction="row" sx={{ mb: 1 }}>
          <RequestExtensionButton task={task} />
        </Stack>
      )}
      {task.extensionRequests && requests.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('par.extension.none')}
        </Typography>
      ) : (
        <ResourceContextProvider value="deadlineExtensions">
          <ArrayField source="extensionRequests">
            <DataTable bulkActionButtons={false} rowClick={false}>
              <DataTable.Col source="requestedAt">
                <Requested />
              </DataTable.Col>
              <DataTable.Col source="requestedDeadline" label="par.extension.deadline_change">
                <DeadlineChange />
              </DataTable.Col>
              <DataTable.Col source="reason" sx={{ minWidth: 180 }}>
                <Note source="reason" />
              </DataTable.Col>
              <DataTable.Col source="status">
                <Decision />
              </DataTable.Col>
              {actionable && (
                <DataTable.Col source="actions" label="par.extension.decision" disableSort>
                  <ExtensionButtons />
                </DataTable.Col>
              )}
            </DataTable>
          </ArrayField>
        </ResourceContextProvider>
      )}
    </ShowSection>
  );
};

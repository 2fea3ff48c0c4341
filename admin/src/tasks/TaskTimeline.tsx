// The task's append-only timeline, newest first: who did what and when (dd/mm/yyyy HH:mm in
// Vietnamese), the status change, each changed value before → after, and the note; a comment box on
// top while COMMENT is allowed.
import CommentIcon from '@mui/icons-material/ChatBubbleOutlineOutlined';
import { Box, Button, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, required, TextInput, useLocaleState, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { formatDay, formatInstant } from '../common/dates';
import { useWorkflowCall } from '../common/useWorkflowCall';
import { enumLabel, type EnumName } from '../enums';
import { allowedActionsOf, type TaskEventRecord, type TaskRecord } from './types';

type Change = { field: string; before: unknown; after: unknown };

const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isInstant = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value);

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** Changed fields whose values are enum values, and the enum that labels them. */
const enumOfField: Partial<Record<string, EnumName>> = {
  priority: 'TaskPriority',
  reviewStatus: 'ReviewStatus',
  extension: 'ExtensionStatus',
};

/**
 * `{ field: { before, after } }` as a list. CREATED holds the whole task, which the page shows
 * already, and a status change is drawn as chips.
 */
function changesOf(event: TaskEventRecord): Change[] {
  if (event.type === 'CREATED') return [];
  return (
    Object.entries(asObject(event.changes))
      .filter(([field]) => field !== 'status')
      .map(([field, change]) => ({ field, before: asObject(change).before, after: asObject(change).after }))
      // "Evidence: — → Kế hoạch 125" says no more than the note below it, which names the evidence.
      .filter(({ before, after }) => !((before === null || before === undefined) && after === event.note))
  );
}

const StatusChange = ({ from, to }: { from: string | null; to: string | null }) => {
  const translate = useTranslate();
  if (!to) return null;
  return (
    <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 0.5, my: 0.5 }}>
      {from && <Chip size="small" variant="outlined" label={translate(enumLabel('TaskStatus', from))} />}
      {from && <span aria-hidden>→</span>}
      <Chip size="small" label={translate(enumLabel('TaskStatus', to))} />
    </Stack>
  );
};

const ChangeLine = ({ change }: { change: Change }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  /** A changed value: days and instants in the language's format, enum values by label, lists joined. */
  const describe = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (isDay(value)) return formatDay(value, locale);
    if (isInstant(value)) return formatInstant(value, locale);
    const enumName = enumOfField[change.field];
    if (enumName && typeof value === 'string') return translate(enumLabel(enumName, value), { _: value });
    if (Array.isArray(value)) return value.join(', ');
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  };
  const suffix = change.field === 'progress' ? '%' : '';
  return (
    <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
      {translate(`resources.tasks.fields.${change.field}`, { _: change.field })}: {describe(change.before)}
      {change.before !== null && change.before !== undefined && suffix} → {describe(change.after)}
      {change.after !== null && change.after !== undefined && suffix}
    </Typography>
  );
};

const noRecord: RaRecord = { id: '' };

/** Adds a comment to the timeline; a fresh, empty form follows each success. */
const CommentBox = ({ taskId }: { taskId: string }) => {
  const translate = useTranslate();
  const { run, pending } = useWorkflowCall();
  const [round, setRound] = useState(0);
  return (
    <Form
      key={round}
      record={noRecord}
      defaultValues={{ note: '' }}
      onSubmit={async (values: Record<string, unknown>) => {
        const note = typeof values.note === 'string' ? values.note : '';
        const result = await run((provider) => provider.commentOnTask({ id: taskId, note }), {
          success: 'par.timeline.commented',
        });
        if (!result.ok) return result.fieldErrors;
        setRound((value) => value + 1);
        return undefined;
      }}
    >
      <CommentFields pending={pending} label={translate('par.timeline.comment')} />
    </Form>
  );
};

const CommentFields = ({ pending, label }: { pending: boolean; label: string }) => (
  <Box sx={{ mb: 2 }}>
    <TextInput
      source="note"
      label="par.timeline.comment_label"
      validate={required()}
      multiline
      minRows={2}
      fullWidth
      helperText={false}
    />
    <Button type="submit" size="small" variant="outlined" startIcon={<CommentIcon />} disabled={pending}>
      {label}
    </Button>
  </Box>
);

export const TaskTimeline = () => {
  const task = useRecordContext<TaskRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The show page first renders the row from the list, which has no timeline: wait for the task itself.
  const timeline = task?.timeline;
  const events = [...(timeline?.nodes ?? [])].reverse();
  const canComment = allowedActionsOf(task).has('COMMENT');

  return (
    <Card
      component="section"
      aria-labelledby="task-timeline-title"
      sx={{ width: { md: 380 }, flexShrink: 0, alignSelf: { md: 'flex-start' }, ml: { md: 2 }, mt: { xs: 2, md: 0 } }}
    >
      <CardContent>
        <Typography id="task-timeline-title" variant="h6" gutterBottom>
          {translate('par.task.timeline')}
        </Typography>
        {task && canComment && <CommentBox key={task.id} taskId={task.id} />}
        {!timeline && <LinearProgress />}
        {timeline && events.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            {translate('par.task.timeline_empty')}
          </Typography>
        )}
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {events.map((event) => (
            <Box component="li" key={event.id} sx={{ borderLeft: 2, borderColor: 'divider', pl: 1.5, pb: 2 }}>
              <Typography variant="subtitle2">{translate(enumLabel('TaskEventType', event.type))}</Typography>
              <Typography variant="caption" color="text.secondary" component="div">
                {formatInstant(event.at, locale)}
                {event.actor && ` · ${event.actor.displayName}`}
              </Typography>
              <StatusChange from={event.fromStatus} to={event.toStatus} />
              {changesOf(event).map((change) => (
                <ChangeLine key={change.field} change={change} />
              ))}
              {event.note && (
                <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-line' }}>
                  {event.note}
                </Typography>
              )}
            </Box>
          ))}
        </Box>
        {timeline && timeline.totalCount > events.length && (
          <Typography variant="caption" color="text.secondary">
            {translate('par.task.timeline_more', { smart_count: timeline.totalCount - events.length })}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
};

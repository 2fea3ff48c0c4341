// The task's append-only timeline, oldest first: who did what, when, and what changed.
import { Box, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatDay, formatInstant } from '../common/dates';
import { enumLabel } from '../enums';

interface TaskEvent {
  id: string;
  type: string;
  at: string;
  actor: { displayName: string } | null;
  fromStatus: string | null;
  toStatus: string | null;
  changes: unknown;
  note: string | null;
}

interface TaskWithTimeline {
  id: string;
  timeline?: { totalCount: number; nodes: TaskEvent[] };
}

type Change = { field: string; before: unknown; after: unknown };

const isDay = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

const asObject = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/**
 * `{ field: { before, after } }` as a list. CREATED holds the whole task, which the page shows
 * already, and a status change is drawn as chips.
 */
function changesOf(event: TaskEvent): Change[] {
  if (event.type === 'CREATED') return [];
  return Object.entries(asObject(event.changes))
    .filter(([field]) => field !== 'status')
    .map(([field, change]) => ({ field, before: asObject(change).before, after: asObject(change).after }));
}

/** A changed value: days in the language's format, lists joined. */
function describe(value: unknown, locale: string): string {
  if (value === null || value === undefined) return '—';
  if (isDay(value)) return formatDay(value, locale);
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
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

export const TaskTimeline = () => {
  const record = useRecordContext<TaskWithTimeline>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The show page first renders the row from the list, which has no timeline: wait for the task itself.
  const timeline = record?.timeline;
  const events = timeline?.nodes ?? [];

  return (
    <Card
      component="section"
      aria-labelledby="task-timeline-title"
      sx={{ width: { md: 360 }, flexShrink: 0, alignSelf: { md: 'flex-start' }, ml: { md: 2 }, mt: { xs: 2, md: 0 } }}
    >
      <CardContent>
        <Typography id="task-timeline-title" variant="h6" gutterBottom>
          {translate('par.task.timeline')}
        </Typography>
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
              {changesOf(event).map(({ field, before, after }) => (
                <Typography key={field} variant="body2">
                  {translate(`resources.tasks.fields.${field}`, { _: field })}: {describe(before, locale)} →{' '}
                  {describe(after, locale)}
                </Typography>
              ))}
              {event.note && (
                <Typography variant="body2" sx={{ mt: 0.5 }}>
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

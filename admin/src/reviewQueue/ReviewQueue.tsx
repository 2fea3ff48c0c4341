// The committee's and the secretariat's review queue: work submitted and waiting for a verdict (the
// oldest submission first), pending deadline extension requests and evidence not yet reviewed on open
// tasks (the oldest first). Each row opens its task, where the decisions are taken.
import { Alert, Badge, Box, Card, LinearProgress, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  DataTable,
  ListContextProvider,
  ResourceContextProvider,
  TextField,
  Title,
  useCreatePath,
  useGetList,
  useList,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { formatDay } from '../common/dates';
import { EnumField } from '../common/EnumField';
import { DayField, InstantField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';
import { DeadlineField, TimelinessField } from '../tasks/TaskFields';
import type { EvidenceRecord, ExtensionRecord, TaskRecord } from '../tasks/types';

/** The most rows a section lists: a page of the API. */
const perSection = 100;

interface TaskRef {
  id: string;
  title: string;
  status: string;
  deadline: string;
  leadUnit: { id: string; name: string };
}

type ExtensionRow = ExtensionRecord & { task: TaskRef };
type EvidenceRow = EvidenceRecord & { task: TaskRef };

const openStatuses = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'];

const Section = ({
  id,
  title,
  count,
  pending,
  empty,
  children,
}: {
  id: string;
  title: string;
  count: number | undefined;
  pending: boolean;
  empty: boolean;
  children: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Box component="section" aria-labelledby={id} sx={{ mt: 3 }}>
      <Typography
        id={id}
        variant="h6"
        component="h3"
        gutterBottom
        sx={{ display: 'flex', alignItems: 'center', gap: 2 }}
      >
        {translate(title)}
        <Badge badgeContent={count ?? 0} color="primary" showZero max={999} sx={{ ml: 1 }} />
      </Typography>
      {pending ? (
        <LinearProgress />
      ) : empty ? (
        <Typography variant="body2" color="text.secondary">
          {translate('par.review.empty')}
        </Typography>
      ) : (
        <Card>{children}</Card>
      )}
    </Box>
  );
};

/** A table of rows that each open their task. */
const TaskLinkedTable = <T extends RaRecord>({
  resource,
  rows,
  taskOf,
  children,
}: {
  resource: string;
  rows: T[];
  taskOf: (row: T) => string;
  children: ReactNode;
}) => {
  const createPath = useCreatePath();
  const listContext = useList({ data: rows, resource, perPage: rows.length || 1 });
  return (
    <ResourceContextProvider value={resource}>
      <ListContextProvider value={listContext}>
        <DataTable
          bulkActionButtons={false}
          rowClick={(_id, _resource, record) =>
            createPath({ resource: 'tasks', id: taskOf(record as T), type: 'show' })
          }
        >
          {children}
        </DataTable>
      </ListContextProvider>
    </ResourceContextProvider>
  );
};

const TaskTitle = () => {
  const row = useRecordContext<{ id: string; task: TaskRef }>();
  return row ? <Typography variant="body2">{row.task.title}</Typography> : null;
};

const TaskUnit = () => {
  const row = useRecordContext<{ id: string; task: TaskRef }>();
  return row ? <Typography variant="body2">{row.task.leadUnit.name}</Typography> : null;
};

const RequestedChange = () => {
  const row = useRecordContext<ExtensionRow>();
  const [locale] = useLocaleState();
  if (!row) return null;
  return (
    <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {formatDay(row.previousDeadline, locale)} → {formatDay(row.requestedDeadline, locale)}
    </Typography>
  );
};

const ReviewQueue = () => {
  const translate = useTranslate();
  const submitted = useGetList<TaskRecord>('tasks', {
    filter: { status: ['SUBMITTED'] },
    sort: { field: 'submittedAt', order: 'ASC' },
    pagination: { page: 1, perPage: perSection },
  });
  const extensions = useGetList<ExtensionRow>('deadlineExtensions', {
    filter: { status: ['PENDING'] },
    sort: { field: 'requestedAt', order: 'ASC' },
    pagination: { page: 1, perPage: perSection },
  });
  const evidence = useGetList<EvidenceRow>('evidence', {
    // Evidence of completed or cancelled tasks can no longer be reviewed.
    filter: { reviewStatus: ['PENDING'], taskStatus: openStatuses },
    sort: { field: 'submittedAt', order: 'ASC' },
    pagination: { page: 1, perPage: perSection },
  });
  const tasks = submitted.data ?? [];

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="par.review.title" />
      <Section
        id="review-submitted"
        title="par.review.submitted"
        count={submitted.total}
        pending={submitted.isPending}
        empty={tasks.length === 0}
      >
        <TaskLinkedTable resource="tasks" rows={tasks} taskOf={(task) => task.id}>
          <DataTable.Col
            source="submittedAt"
            label="resources.tasks.fields.submittedAt"
            field={InstantField}
            disableSort
          />
          <DataTable.Col source="title" field={TextField} disableSort sx={{ minWidth: 240 }} />
          <DataTable.Col source="leadUnit.name" label="resources.tasks.fields.leadUnit" disableSort>
            <ReferenceLink source="leadUnit" reference="units" display="name" />
          </DataTable.Col>
          <DataTable.Col source="deadline" disableSort>
            <DeadlineField />
          </DataTable.Col>
          <DataTable.Col source="timeliness" field={TimelinessField} disableSort />
        </TaskLinkedTable>
      </Section>
      <Section
        id="review-extensions"
        title="par.review.extensions"
        count={extensions.total}
        pending={extensions.isPending}
        empty={(extensions.data ?? []).length === 0}
      >
        <TaskLinkedTable resource="deadlineExtensions" rows={extensions.data ?? []} taskOf={(row) => row.task.id}>
          <DataTable.Col source="requestedAt" field={InstantField} disableSort />
          <DataTable.Col
            source="task"
            label="resources.deadlineExtensions.fields.task"
            disableSort
            sx={{ minWidth: 220 }}
          >
            <TaskTitle />
          </DataTable.Col>
          <DataTable.Col source="task.leadUnit" label="resources.tasks.fields.leadUnit" disableSort>
            <TaskUnit />
          </DataTable.Col>
          <DataTable.Col source="requestedDeadline" label="par.extension.deadline_change" disableSort>
            <RequestedChange />
          </DataTable.Col>
          <DataTable.Col source="reason" disableSort sx={{ minWidth: 200 }} />
        </TaskLinkedTable>
      </Section>
      <Section
        id="review-evidence"
        title="par.review.evidence"
        count={evidence.total}
        pending={evidence.isPending}
        empty={(evidence.data ?? []).length === 0}
      >
        <TaskLinkedTable resource="evidence" rows={evidence.data ?? []} taskOf={(row) => row.task.id}>
          <DataTable.Col source="submittedAt" field={InstantField} disableSort />
          <DataTable.Col source="title" disableSort sx={{ minWidth: 200 }} />
          <DataTable.Col source="kind" disableSort>
            <EnumField source="kind" enumName="EvidenceKind" />
          </DataTable.Col>
          <DataTable.Col source="task" label="resources.evidence.fields.task" disableSort sx={{ minWidth: 220 }}>
            <TaskTitle />
          </DataTable.Col>
          <DataTable.Col source="task.leadUnit" label="resources.tasks.fields.leadUnit" disableSort>
            <TaskUnit />
          </DataTable.Col>
          <DataTable.Col source="documentDate" field={DayField} disableSort />
        </TaskLinkedTable>
      </Section>
      {[submitted, extensions, evidence].some((result) => (result.total ?? 0) > perSection) && (
        <Alert severity="info" sx={{ mt: 2 }}>
          {translate('par.review.more', { smart_count: perSection })}
        </Alert>
      )}
    </Box>
  );
};

export default ReviewQueue;

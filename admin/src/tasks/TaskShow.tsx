import { Typography } from '@mui/material';
import {
  ArrayField,
  DataTable,
  Labeled,
  NumberField,
  ResourceContextProvider,
  Show,
  TextField,
  UrlField,
  useRecordContext,
} from 'react-admin';
import { DayField, InstantField } from '../common/LocaleFields';
import { EnumField } from '../common/EnumField';
import { ProgressField } from '../common/ProgressField';
import { ReferenceChips, ReferenceLink } from '../common/ReferenceLink';
import { ReformAreaLink } from '../common/ReformAreaLink';
import { ShowBody, ShowGrid, ShowSection } from '../common/ShowGrid';
import { DeadlineField, PriorityField, StatusField, TimelinessField } from './TaskFields';
import { TaskTimeline } from './TaskTimeline';

const EvidenceKindField = () => <EnumField source="kind" enumName="EvidenceKind" />;

const ReviewStatusField = () => (
  <EnumField source="reviewStatus" enumName="ReviewStatus" colors={{ ACCEPTED: 'success', REJECTED: 'error' }} />
);

const ExtensionStatusField = () => (
  <EnumField
    source="status"
    enumName="ExtensionStatus"
    colors={{ PENDING: 'warning', APPROVED: 'success', REJECTED: 'error' }}
  />
);

const EvidenceTitle = () => {
  const record = useRecordContext<{ id: string; title: string; url?: string | null }>();
  if (!record) return null;
  return record.url ? (
    <UrlField source="url" content={record.title} target="_blank" rel="noreferrer" />
  ) : (
    <TextField source="title" />
  );
};

const TaskEvidence = () => (
  <ResourceContextProvider value="evidence">
    <ArrayField source="evidence">
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="title" sx={{ minWidth: 200 }}>
          <EvidenceTitle />
        </DataTable.Col>
        <DataTable.Col source="kind" field={EvidenceKindField} />
        <DataTable.Col source="documentNumber" />
        <DataTable.Col source="documentDate" field={DayField} />
        <DataTable.Col source="issuer" />
        <DataTable.Col source="submittedAt" field={InstantField} />
        <DataTable.Col source="submittedBy.displayName" label="resources.evidence.fields.submittedBy" />
        <DataTable.Col source="reviewStatus" field={ReviewStatusField} />
      </DataTable>
    </ArrayField>
  </ResourceContextProvider>
);

const TaskExtensionRequests = () => (
  <ResourceContextProvider value="deadlineExtensions">
    <ArrayField source="extensionRequests">
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="requestedAt" field={InstantField} />
        <DataTable.Col source="requestedBy.displayName" label="resources.deadlineExtensions.fields.requestedBy" />
        <DataTable.Col source="previousDeadline" field={DayField} />
        <DataTable.Col source="requestedDeadline" field={DayField} />
        <DataTable.Col source="reason" sx={{ minWidth: 200 }} />
        <DataTable.Col source="status" field={ExtensionStatusField} />
        <DataTable.Col source="decisionNote" />
      </DataTable>
    </ArrayField>
  </ResourceContextProvider>
);

const TaskDetails = () => {
  const record = useRecordContext<{ id: string; title: string; description?: string | null }>();
  if (!record) return null;
  return (
    <ShowBody>
      <Typography variant="h5" component="h2" gutterBottom>
        {record.title}
      </Typography>
      {record.description && (
        <Typography variant="body1" sx={{ whiteSpace: 'pre-line', mb: 2 }}>
          {record.description}
        </Typography>
      )}
      <ShowGrid>
        <Labeled source="status">
          <StatusField />
        </Labeled>
        <Labeled source="timeliness">
          <TimelinessField />
        </Labeled>
        <Labeled source="priority">
          <PriorityField />
        </Labeled>
        <Labeled source="progress">
          <ProgressField source="progress" />
        </Labeled>
        <Labeled source="leadUnit">
          <ReferenceLink source="leadUnit" reference="units" display="name" />
        </Labeled>
        <Labeled source="responsibleHead">
          <ReferenceLink source="responsibleHead" reference="people" display="fullName" />
        </Labeled>
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
        <Labeled source="deadline">
          <DeadlineField />
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
      <ShowSection title="resources.evidence.name">
        <TaskEvidence />
      </ShowSection>
      <ShowSection title="resources.deadlineExtensions.name">
        <TaskExtensionRequests />
      </ShowSection>
    </ShowBody>
  );
};

// The timeline sits beside the task on wide screens and below it on phones.
const TaskShow = () => (
  <Show aside={<TaskTimeline />} sx={{ '& .RaShow-main': { flexDirection: { xs: 'column', md: 'row' } } }}>
    <TaskDetails />
  </Show>
);

export default TaskShow;

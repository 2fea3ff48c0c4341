import {
  ArrayField,
  DataTable,
  Labeled,
  NumberField,
  Pagination,
  ReferenceManyField,
  ResourceContextProvider,
  Show,
  TextField,
} from 'react-admin';
import { ProgressField } from '../common/ProgressField';
import { ReferenceLink } from '../common/ReferenceLink';
import { ReformAreaLink } from '../common/ReformAreaLink';
import { ShowBody, ShowGrid, ShowSection } from '../common/ShowGrid';
import { TargetValueField } from '../targets/TargetFields';
import { DeadlineField, StatusField, TimelinessField } from '../tasks/TaskFields';

const ObjectiveShow = () => (
  <Show>
    <ShowBody>
      <ShowGrid>
        <Labeled source="code">
          <TextField source="code" />
        </Labeled>
        <Labeled source="resolution">
          <ReferenceLink source="resolution" reference="resolutions" display="code" />
        </Labeled>
        <Labeled source="reformArea">
          <ReformAreaLink source="reformArea" />
        </Labeled>
        <Labeled source="taskCount">
          <NumberField source="taskCount" />
        </Labeled>
      </ShowGrid>
      <Labeled source="title" fullWidth>
        <TextField source="title" />
      </Labeled>
      <Labeled source="description" fullWidth>
        <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
      </Labeled>
      <ShowSection title="resources.targets.name">
        <ResourceContextProvider value="targets">
          <ArrayField source="targets">
            <DataTable bulkActionButtons={false} rowClick="show">
              <DataTable.Col source="code" />
              <DataTable.Col source="indicator" />
              <DataTable.Col source="targetValue">
                <TargetValueField />
              </DataTable.Col>
              <DataTable.Col source="targetYear" />
            </DataTable>
          </ArrayField>
        </ResourceContextProvider>
      </ShowSection>
      <ShowSection title="resources.tasks.name">
        <ReferenceManyField
          reference="tasks"
          target="objective"
          sort={{ field: 'deadline', order: 'ASC' }}
          perPage={10}
          pagination={<Pagination />}
        >
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="title" />
            <DataTable.Col source="leadUnit.name" label="resources.tasks.fields.leadUnit">
              <ReferenceLink source="leadUnit" reference="units" display="name" />
            </DataTable.Col>
            <DataTable.Col source="deadline">
              <DeadlineField />
            </DataTable.Col>
            <DataTable.Col source="status" field={StatusField} />
            <DataTable.Col source="timeliness" field={TimelinessField} disableSort />
            <DataTable.Col source="progress" field={ProgressField} />
          </DataTable>
        </ReferenceManyField>
      </ShowSection>
    </ShowBody>
  </Show>
);

export default ObjectiveShow;

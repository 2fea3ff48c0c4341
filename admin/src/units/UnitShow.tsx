import {
  ArrayField,
  BooleanField,
  DataTable,
  EmailField,
  Labeled,
  Pagination,
  ReferenceManyField,
  ResourceContextProvider,
  Show,
  TextField,
} from 'react-admin';
import { DayField } from '../common/LocaleFields';
import { ProgressField } from '../common/ProgressField';
import { ReferenceChips, ReferenceLink } from '../common/ReferenceLink';
import { ShowBody, ShowGrid, ShowSection } from '../common/ShowGrid';
import { DeadlineField, StatusField, TimelinessField } from '../tasks/TaskFields';
import { UnitKindField } from './UnitFields';

const UnitShow = () => (
  <Show>
    <ShowBody>
      <ShowGrid>
        <Labeled source="code">
          <TextField source="code" />
        </Labeled>
        <Labeled source="name">
          <TextField source="name" />
        </Labeled>
        <Labeled source="kind">
          <UnitKindField />
        </Labeled>
        <Labeled source="active">
          <BooleanField source="active" />
        </Labeled>
        <Labeled source="parent">
          <ReferenceLink source="parent" reference="units" display="name" />
        </Labeled>
        <Labeled source="currentHead">
          <ReferenceLink source="currentHead" reference="people" display="fullName" />
        </Labeled>
        <Labeled source="establishedOn">
          <DayField source="establishedOn" emptyText="—" />
        </Labeled>
        <Labeled source="dissolvedOn">
          <DayField source="dissolvedOn" emptyText="—" />
        </Labeled>
        <Labeled source="successor">
          <ReferenceLink source="successor" reference="units" display="name" />
        </Labeled>
        <Labeled source="predecessors">
          <ReferenceChips source="predecessors" reference="units" display="name" />
        </Labeled>
        <Labeled source="address">
          <TextField source="address" emptyText="—" />
        </Labeled>
        <Labeled source="phone">
          <TextField source="phone" emptyText="—" />
        </Labeled>
        <Labeled source="email">
          <EmailField source="email" emptyText="—" />
        </Labeled>
      </ShowGrid>
      <Labeled source="children" fullWidth>
        <ReferenceChips source="children" reference="units" display="name" />
      </Labeled>
      <ShowSection title="resources.units.fields.headships">
        <ResourceContextProvider value="headships">
          <ArrayField source="headships">
            <DataTable bulkActionButtons={false} rowClick="show">
              <DataTable.Col source="person.fullName" label="resources.headships.fields.person" />
              <DataTable.Col source="title" />
              <DataTable.Col source="startDate" field={DayField} />
              <DataTable.Col source="endDate" field={DayField} />
              <DataTable.Col source="acting" field={BooleanField} />
              <DataTable.Col source="current" field={BooleanField} />
            </DataTable>
          </ArrayField>
        </ResourceContextProvider>
      </ShowSection>
      <ShowSection title="resources.units.fields.ledTasks">
        <ReferenceManyField
          reference="tasks"
          target="leadUnit"
          sort={{ field: 'deadline', order: 'ASC' }}
          perPage={10}
          pagination={<Pagination />}
        >
          <DataTable rowClick="show" bulkActionButtons={false}>
            <DataTable.Col source="title" />
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

export default UnitShow;

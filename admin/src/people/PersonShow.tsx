import {
  ArrayField,
  BooleanField,
  DataTable,
  EmailField,
  Labeled,
  ResourceContextProvider,
  Show,
  TextField,
} from 'react-admin';
import { DayField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';
import { ShowBody, ShowGrid, ShowSection } from '../common/ShowGrid';

const PersonShow = () => (
  <Show>
    <ShowBody>
      <ShowGrid>
        <Labeled source="fullName">
          <TextField source="fullName" />
        </Labeled>
        <Labeled source="email">
          <EmailField source="email" emptyText="—" />
        </Labeled>
        <Labeled source="phone">
          <TextField source="phone" emptyText="—" />
        </Labeled>
        <Labeled source="illustrative">
          <BooleanField source="illustrative" />
        </Labeled>
      </ShowGrid>
      <ShowSection title="resources.people.fields.headships">
        <ResourceContextProvider value="headships">
          <ArrayField source="headships">
            <DataTable bulkActionButtons={false} rowClick="show">
              <DataTable.Col source="unit.name" label="resources.headships.fields.unit">
                <ReferenceLink source="unit" reference="units" display="name" />
              </DataTable.Col>
              <DataTable.Col source="title" />
              <DataTable.Col source="startDate" field={DayField} />
              <DataTable.Col source="endDate" field={DayField} />
              <DataTable.Col source="acting" field={BooleanField} />
              <DataTable.Col source="current" field={BooleanField} />
            </DataTable>
          </ArrayField>
        </ResourceContextProvider>
      </ShowSection>
    </ShowBody>
  </Show>
);

export default PersonShow;

import { ArrayField, DataTable, Labeled, ResourceContextProvider, Show, TextField } from 'react-admin';
import { DayField } from '../common/LocaleFields';
import { ShowBody, ShowGrid, ShowSection } from '../common/ShowGrid';

const ResolutionShow = () => (
  <Show>
    <ShowBody>
      <Labeled source="title" fullWidth>
        <TextField source="title" />
      </Labeled>
      <ShowGrid>
        <Labeled source="code">
          <TextField source="code" />
        </Labeled>
        <Labeled source="issuedBy">
          <TextField source="issuedBy" />
        </Labeled>
        <Labeled source="issuedOn">
          <DayField source="issuedOn" />
        </Labeled>
        <Labeled source="horizonYear">
          <TextField source="horizonYear" />
        </Labeled>
        <Labeled source="orientationYear">
          <TextField source="orientationYear" emptyText="—" />
        </Labeled>
      </ShowGrid>
      <Labeled source="summary" fullWidth>
        <TextField source="summary" emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
      </Labeled>
      <ShowSection title="resources.objectives.name">
        <ResourceContextProvider value="objectives">
          <ArrayField source="objectives">
            <DataTable bulkActionButtons={false} rowClick="show">
              <DataTable.Col source="code" />
              <DataTable.Col source="title" />
            </DataTable>
          </ArrayField>
        </ResourceContextProvider>
      </ShowSection>
    </ShowBody>
  </Show>
);

export default ResolutionShow;

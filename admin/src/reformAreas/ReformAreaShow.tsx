import { ArrayField, DataTable, Labeled, ResourceContextProvider, Show, TextField } from 'react-admin';
import { ShowBody, ShowGrid, ShowSection } from '../common/ShowGrid';

const ReformAreaShow = () => (
  <Show>
    <ShowBody>
      <ShowGrid>
        <Labeled source="code">
          <TextField source="code" />
        </Labeled>
        <Labeled source="name">
          <TextField source="name" />
        </Labeled>
        <Labeled source="nameEn">
          <TextField source="nameEn" />
        </Labeled>
        <Labeled source="sortOrder">
          <TextField source="sortOrder" />
        </Labeled>
      </ShowGrid>
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

export default ReformAreaShow;

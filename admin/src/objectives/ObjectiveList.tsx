import { AutocompleteInput, DataTable, List, NumberField, ReferenceInput, SearchInput } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { ReferenceLink } from '../common/ReferenceLink';
import { ReformAreaLink } from '../common/ReformAreaLink';

const objectiveFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput
    key="reformArea"
    source="reformArea"
    reference="reformAreas"
    sort={{ field: 'sortOrder', order: 'ASC' }}
  >
    <AutocompleteInput label="resources.objectives.fields.reformArea" filterToQuery={(name) => ({ name })} />
  </ReferenceInput>,
  <ReferenceInput key="resolution" source="resolution" reference="resolutions">
    <AutocompleteInput label="resources.objectives.fields.resolution" filterToQuery={(code) => ({ code })} />
  </ReferenceInput>,
];

const ObjectiveList = () => (
  <List actions={<ListActions />} filters={objectiveFilters} sort={{ field: 'sortOrder', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="title" />
      <DataTable.Col source="reformArea.name" label="resources.objectives.fields.reformArea">
        <ReformAreaLink source="reformArea" />
      </DataTable.Col>
      <DataTable.Col source="resolution.code" label="resources.objectives.fields.resolution" disableSort>
        <ReferenceLink source="resolution" reference="resolutions" display="code" />
      </DataTable.Col>
      <DataTable.NumberCol source="taskCount" field={NumberField} disableSort />
    </DataTable>
  </List>
);

export default ObjectiveList;

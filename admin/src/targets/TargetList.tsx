import {
  AutocompleteInput,
  DataTable,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
} from 'react-admin';
import { ListActions } from '../common/ListActions';
import { ReferenceLink } from '../common/ReferenceLink';
import { TargetValueField } from './TargetFields';
import { choicesOf, TargetStatusField, targetStatuses } from './TargetProgress';

const targetFilters = [
  <SearchInput key="indicator" source="indicator" alwaysOn />,
  <ReferenceInput key="objective" source="objective" reference="objectives" sort={{ field: 'sortOrder', order: 'ASC' }}>
    <AutocompleteInput label="resources.targets.fields.objective" />
  </ReferenceInput>,
  <ReferenceInput
    key="reformArea"
    source="reformArea"
    reference="reformAreas"
    sort={{ field: 'sortOrder', order: 'ASC' }}
  >
    <AutocompleteInput label="resources.targets.fields.reformArea" filterToQuery={(name) => ({ name })} />
  </ReferenceInput>,
  <NumberInput key="targetYear" source="targetYear" step={1} />,
  <SelectArrayInput
    key="status"
    source="status"
    label="par.targets.status"
    choices={choicesOf('statuses', targetStatuses)}
  />,
];

const TargetList = () => (
  <List actions={<ListActions />} filters={targetFilters} sort={{ field: 'code', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="indicator" />
      <DataTable.Col source="targetValue" disableSort>
        <TargetValueField />
      </DataTable.Col>
      <DataTable.Col source="targetYear" />
      <DataTable.Col source="status" label="par.targets.status" disableSort>
        <TargetStatusField />
      </DataTable.Col>
      <DataTable.Col source="objective.code" label="resources.targets.fields.objective" disableSort>
        <ReferenceLink source="objective" reference="objectives" display="code" />
      </DataTable.Col>
      <DataTable.Col source="unit.name" label="resources.targets.fields.unit" disableSort>
        <ReferenceLink source="unit" reference="units" display="name" />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default TargetList;

import { BooleanField, DataTable, List, NullableBooleanInput, SearchInput, SelectArrayInput } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { ReferenceLink } from '../common/ReferenceLink';
import { enumChoices } from '../enums';
import { UnitKindField } from './UnitFields';

const unitFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="kind" source="kind" choices={enumChoices('UnitKind')} alwaysOn />,
  <NullableBooleanInput key="active" source="active" alwaysOn />,
];

const UnitList = () => (
  <List
    actions={<ListActions />}
    filters={unitFilters}
    filterDefaultValues={{ active: true }}
    sort={{ field: 'sortOrder', order: 'ASC' }}
    perPage={50}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="kind" field={UnitKindField} />
      <DataTable.Col source="parent.name" label="resources.units.fields.parent" disableSort>
        <ReferenceLink source="parent" reference="units" display="name" />
      </DataTable.Col>
      <DataTable.Col source="currentHead.fullName" label="resources.units.fields.currentHead" disableSort>
        <ReferenceLink source="currentHead" reference="people" display="fullName" />
      </DataTable.Col>
      <DataTable.Col source="active" field={BooleanField} disableSort />
    </DataTable>
  </List>
);

export default UnitList;

import { BooleanField, DataTable, EmailField, List, NullableBooleanInput, SearchInput } from 'react-admin';
import { ListActions } from '../common/ListActions';

const personFilters = [
  <SearchInput key="fullName" source="fullName" alwaysOn />,
  <NullableBooleanInput key="heads" source="heads" />,
];

const PersonList = () => (
  <List actions={<ListActions />} filters={personFilters} sort={{ field: 'fullName', order: 'ASC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="fullName" />
      <DataTable.Col source="email" field={EmailField} disableSort />
      <DataTable.Col source="phone" disableSort />
      <DataTable.Col source="illustrative" field={BooleanField} disableSort />
    </DataTable>
  </List>
);

export default PersonList;

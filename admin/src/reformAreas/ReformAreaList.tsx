import { DataTable, List, SearchInput } from 'react-admin';
import { ListActions } from '../common/ListActions';

const reformAreaFilters = [<SearchInput key="name" source="name" alwaysOn />];

const ReformAreaList = () => (
  <List
    actions={<ListActions />}
    filters={reformAreaFilters}
    sort={{ field: 'sortOrder', order: 'ASC' }}
    pagination={false}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="sortOrder" />
      <DataTable.Col source="code" />
      <DataTable.Col source="name" />
      <DataTable.Col source="nameEn" disableSort />
    </DataTable>
  </List>
);

export default ReformAreaList;

import { DataTable, List, SearchInput } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { DayField } from '../common/LocaleFields';

const resolutionFilters = [<SearchInput key="title" source="title" alwaysOn />];

const ResolutionList = () => (
  <List actions={<ListActions />} filters={resolutionFilters} sort={{ field: 'issuedOn', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="code" />
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="issuedBy" disableSort />
      <DataTable.Col source="issuedOn" field={DayField} />
      <DataTable.Col source="horizonYear" disableSort />
      <DataTable.Col source="orientationYear" disableSort />
    </DataTable>
  </List>
);

export default ResolutionList;

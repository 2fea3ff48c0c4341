import { AutocompleteInput, BooleanField, DataTable, DateInput, List, ReferenceInput } from 'react-admin';
import { ListActions } from '../common/ListActions';
import { DayField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';

const headshipFilters = [
  <ReferenceInput key="unit" source="unit" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="resources.headships.fields.unit" />
  </ReferenceInput>,
  <ReferenceInput key="person" source="person" reference="people" sort={{ field: 'fullName', order: 'ASC' }}>
    <AutocompleteInput label="resources.headships.fields.person" filterToQuery={(fullName) => ({ fullName })} />
  </ReferenceInput>,
  <DateInput key="on" source="on" />,
];

const HeadshipList = () => (
  <List actions={<ListActions />} filters={headshipFilters} sort={{ field: 'startDate', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="unit.name" label="resources.headships.fields.unit">
        <ReferenceLink source="unit" reference="units" display="name" />
      </DataTable.Col>
      <DataTable.Col source="person.fullName" label="resources.headships.fields.person">
        <ReferenceLink source="person" reference="people" display="fullName" />
      </DataTable.Col>
      <DataTable.Col source="title" disableSort />
      <DataTable.Col source="startDate" field={DayField} />
      <DataTable.Col source="endDate" field={DayField} />
      <DataTable.Col source="acting" field={BooleanField} disableSort />
      <DataTable.Col source="current" field={BooleanField} disableSort />
    </DataTable>
  </List>
);

export default HeadshipList;

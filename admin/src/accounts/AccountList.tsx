import {
  AutocompleteInput,
  BooleanField,
  DataTable,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  TextInput,
} from 'react-admin';
import { EnumField } from '../common/EnumField';
import { ListActions } from '../common/ListActions';
import { InstantField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';
import { enumChoices } from '../enums';
import { ToggleDisabledButton } from './AccountActions';

const accountFilters = [
  <SearchInput key="displayName" source="displayName" alwaysOn />,
  <SelectArrayInput key="role" source="role" choices={enumChoices('Role')} alwaysOn />,
  <NullableBooleanInput key="disabled" source="disabled" alwaysOn />,
  <TextInput key="username" source="username" />,
  <ReferenceInput key="unit" source="unit" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
    <AutocompleteInput label="resources.accounts.fields.unit" />
  </ReferenceInput>,
];

const RoleField = () => <EnumField source="role" enumName="Role" />;

const AccountList = () => (
  <List actions={<ListActions />} filters={accountFilters} sort={{ field: 'username', order: 'ASC' }} perPage={25}>
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <DataTable.Col source="username" />
      <DataTable.Col source="displayName" />
      <DataTable.Col source="role" field={RoleField} />
      <DataTable.Col source="unit.name" label="resources.accounts.fields.unit" disableSort>
        <ReferenceLink source="unit" reference="units" display="name" />
      </DataTable.Col>
      <DataTable.Col source="disabled" field={BooleanField} disableSort />
      <DataTable.Col source="lastLoginAt" disableSort>
        <InstantField source="lastLoginAt" emptyText="par.accounts.never" />
      </DataTable.Col>
      <DataTable.Col label="par.accounts.actions" disableSort>
        <ToggleDisabledButton />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default AccountList;

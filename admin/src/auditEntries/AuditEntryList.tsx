// The audit log (nhật ký thay đổi), latest first: who changed what, when, from what to what. Read-only.
// The secretariat sees every entry; the committee and analysts all but those about accounts (the API
// leaves them out), and pick an actor by clicking a name, since they cannot list accounts.
import { useMemo } from 'react';
import {
  AutocompleteInput,
  DataTable,
  DateTimeInput,
  List,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TextInput,
  usePermissions,
} from 'react-admin';
import { districtInputToInstant, instantToDistrictInput } from '../common/dates';
import { EnumField } from '../common/EnumField';
import { ListActions } from '../common/ListActions';
import { InstantField } from '../common/LocaleFields';
import { enumChoices, type Role } from '../enums';
import { ActorField, ActorFilterInput, ChangesField, RecordLink } from './AuditFields';
import { entityChoices } from './entities';

/** Times are typed on the district's clock, like they are shown. */
const instantInput = { parse: districtInputToInstant, format: instantToDistrictInput };

function auditFilters(secretariat: boolean) {
  return [
    <TextInput key="operation" source="operation" alwaysOn />,
    <SelectArrayInput key="entity" source="entity" choices={entityChoices(secretariat)} alwaysOn />,
    <SelectInput key="action" source="action" choices={enumChoices('AuditAction')} />,
    secretariat ? (
      <ReferenceInput key="actor" source="actor" reference="accounts" sort={{ field: 'displayName', order: 'ASC' }}>
        <AutocompleteInput
          label="resources.auditEntries.fields.actor"
          filterToQuery={(displayName) => ({ displayName })}
        />
      </ReferenceInput>
    ) : (
      <ActorFilterInput key="actor" source="actor" />
    ),
    <DateTimeInput key="at_gte" source="at_gte" {...instantInput} />,
    <DateTimeInput key="at_lte" source="at_lte" {...instantInput} />,
  ];
}

const ActionField = () => <EnumField source="action" enumName="AuditAction" />;

const AuditEntryList = () => {
  const { permissions } = usePermissions<Role>();
  const secretariat = permissions === 'ADMIN';
  const filters = useMemo(() => auditFilters(secretariat), [secretariat]);
  return (
    <List actions={<ListActions />} filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={25}>
      <DataTable bulkActionButtons={false} rowClick={false}>
        <DataTable.Col source="at">
          <InstantField source="at" seconds />
        </DataTable.Col>
        <DataTable.Col source="actor.displayName" label="resources.auditEntries.fields.actor" disableSort>
          <ActorField />
        </DataTable.Col>
        <DataTable.Col source="operation" field={TextField} />
        <DataTable.Col source="action" field={ActionField} disableSort />
        <DataTable.Col source="entity" label="resources.auditEntries.fields.record">
          <RecordLink />
        </DataTable.Col>
        <DataTable.Col source="changes" disableSort>
          <ChangesField />
        </DataTable.Col>
        <DataTable.Col source="note" field={TextField} disableSort />
      </DataTable>
    </List>
  );
};

export default AuditEntryList;

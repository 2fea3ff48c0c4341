import {
  AutocompleteInput,
  DateInput,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../enums';

const unitOrder = { field: 'sortOrder', order: 'ASC' } as const;

export const UnitForm = () => {
  // A merger or renaming is recorded on an existing unit: it gets a last day and a successor.
  const editing = useRecordContext() !== undefined;
  return (
    <SimpleForm>
      <TextInput source="code" validate={required()} />
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="kind" choices={enumChoices('UnitKind')} validate={required()} />
      <ReferenceInput source="parentId" reference="units" sort={unitOrder}>
        <AutocompleteInput label="resources.units.fields.parent" fullWidth />
      </ReferenceInput>
      <TextInput source="address" fullWidth />
      <TextInput source="phone" />
      <TextInput source="email" type="email" />
      <DateInput source="establishedOn" />
      <NumberInput source="sortOrder" step={1} />
      {editing && <DateInput source="dissolvedOn" helperText="par.unit.dissolved_help" />}
      {editing && (
        <ReferenceInput source="successorId" reference="units" sort={unitOrder}>
          <AutocompleteInput label="resources.units.fields.successor" fullWidth />
        </ReferenceInput>
      )}
    </SimpleForm>
  );
};

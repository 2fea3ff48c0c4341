import {
  AutocompleteInput,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../enums';

export const TargetForm = () => {
  // A target stays with the objective it was created for (the update input has no objective).
  const editing = useRecordContext() !== undefined;
  return (
    <SimpleForm>
      {!editing && (
        <ReferenceInput source="objectiveId" reference="objectives" sort={{ field: 'sortOrder', order: 'ASC' }}>
          <AutocompleteInput label="resources.targets.fields.objective" validate={required()} fullWidth />
        </ReferenceInput>
      )}
      <TextInput source="code" validate={required()} />
      <TextInput source="indicator" validate={required()} multiline fullWidth />
      <SelectInput source="comparator" choices={enumChoices('Comparator')} validate={required()} />
      <NumberInput source="targetValue" validate={required()} />
      <TextInput source="measure" validate={required()} helperText="par.target.measure_help" />
      <NumberInput source="targetYear" step={1} validate={required()} />
      <NumberInput source="baselineValue" />
      <NumberInput source="baselineYear" step={1} />
      <ReferenceInput source="unitId" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
        <AutocompleteInput label="resources.targets.fields.unit" fullWidth />
      </ReferenceInput>
      <TextInput source="source" fullWidth />
    </SimpleForm>
  );
};

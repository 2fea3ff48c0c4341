import {
  AutocompleteInput,
  NumberInput,
  ReferenceInput,
  required,
  SimpleForm,
  TextInput,
  useRecordContext,
} from 'react-admin';

export const ObjectiveForm = () => {
  // An objective stays in the resolution it was created in (the update input has no resolution).
  const editing = useRecordContext() !== undefined;
  return (
    <SimpleForm>
      {!editing && (
        <ReferenceInput source="resolutionId" reference="resolutions">
          <AutocompleteInput
            label="resources.objectives.fields.resolution"
            filterToQuery={(code) => ({ code })}
            validate={required()}
          />
        </ReferenceInput>
      )}
      <ReferenceInput source="reformAreaId" reference="reformAreas" sort={{ field: 'sortOrder', order: 'ASC' }}>
        <AutocompleteInput
          label="resources.objectives.fields.reformArea"
          filterToQuery={(name) => ({ name })}
          validate={required()}
          fullWidth
        />
      </ReferenceInput>
      <TextInput source="code" validate={required()} />
      <TextInput source="title" validate={required()} multiline fullWidth />
      <TextInput source="description" multiline minRows={3} fullWidth />
      <NumberInput source="sortOrder" step={1} />
    </SimpleForm>
  );
};

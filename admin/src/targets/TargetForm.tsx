import {
  AutocompleteInput,
  FormDataConsumer,
  NumberInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../enums';
import { choicesOf, serviceSectors, targetMetrics } from './TargetProgress';

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
      <SelectInput
        source="metric"
        label="par.targets.metric"
        choices={choicesOf('metrics', targetMetrics)}
        defaultValue="MANUAL"
        validate={required()}
        helperText="par.targets.metric_help"
      />
      <FormDataConsumer<{ metric?: string }>>
        {({ formData }) =>
          formData.metric === 'SATISFACTION_PERCENT' && (
            <SelectInput
              source="sector"
              label="par.targets.sector"
              choices={choicesOf('sectors', serviceSectors)}
              validate={required()}
            />
          )
        }
      </FormDataConsumer>
      <ReferenceInput source="unitId" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
        <AutocompleteInput label="resources.targets.fields.unit" fullWidth />
      </ReferenceInput>
      <TextInput source="source" fullWidth />
    </SimpleForm>
  );
};

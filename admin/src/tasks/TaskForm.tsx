// The secretariat's task form (create and edit).
import {
  AutocompleteArrayInput,
  AutocompleteInput,
  DateInput,
  maxValue,
  minValue,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  required,
  SelectInput,
  SimpleForm,
  TextInput,
  useRecordContext,
} from 'react-admin';
import { enumChoices } from '../enums';

const progressRange = [minValue(0), maxValue(100)];
const activeUnits = { active: true };
const unitOrder = { field: 'sortOrder', order: 'ASC' } as const;

export const TaskForm = () => {
  const record = useRecordContext<{ id: string; status?: string }>();
  // Once work has started the deadline moves only through an approved extension request.
  const deadlineLocked = record !== undefined && record.status !== 'NOT_STARTED';
  return (
    <SimpleForm>
      <TextInput source="title" validate={required()} fullWidth />
      <TextInput source="description" multiline minRows={3} fullWidth />
      <ReferenceInput source="objectiveId" reference="objectives" sort={{ field: 'sortOrder', order: 'ASC' }}>
        <AutocompleteInput label="resources.tasks.fields.objective" validate={required()} fullWidth />
      </ReferenceInput>
      <ReferenceInput source="leadUnitId" reference="units" filter={activeUnits} sort={unitOrder}>
        <AutocompleteInput label="resources.tasks.fields.leadUnit" validate={required()} fullWidth />
      </ReferenceInput>
      <ReferenceArrayInput source="supportingUnitIds" reference="units" filter={activeUnits} sort={unitOrder}>
        <AutocompleteArrayInput label="resources.tasks.fields.supportingUnits" fullWidth />
      </ReferenceArrayInput>
      <DateInput source="startDate" />
      <DateInput
        source="deadline"
        validate={required()}
        disabled={deadlineLocked}
        helperText={deadlineLocked ? 'par.task.deadline_locked' : undefined}
      />
      <SelectInput source="priority" choices={enumChoices('TaskPriority')} defaultValue="NORMAL" />
      <NumberInput source="progress" min={0} max={100} step={5} validate={progressRange} defaultValue={0} />
    </SimpleForm>
  );
};

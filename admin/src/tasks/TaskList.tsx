import { useMediaQuery, type Theme } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  List,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SimpleList,
  TextField,
  useLocaleState,
} from 'react-admin';
import { formatDay } from '../common/dates';
import { ListActions } from '../common/ListActions';
import { ProgressField } from '../common/ProgressField';
import { ReferenceLink } from '../common/ReferenceLink';
import { enumChoices } from '../enums';
import { DeadlineField, PriorityField, StatusField, TimelinessField } from './TaskFields';

const taskFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="timeliness" source="timeliness" choices={enumChoices('Timeliness')} alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('TaskStatus')} />,
  <ReferenceInput key="leadUnit" source="leadUnit" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
    <AutocompleteInput label="resources.tasks.fields.leadUnit" />
  </ReferenceInput>,
  <ReferenceInput key="objective" source="objective" reference="objectives" sort={{ field: 'sortOrder', order: 'ASC' }}>
    <AutocompleteInput label="resources.tasks.fields.objective" />
  </ReferenceInput>,
  <ReferenceInput
    key="reformArea"
    source="reformArea"
    reference="reformAreas"
    sort={{ field: 'sortOrder', order: 'ASC' }}
  >
    <AutocompleteInput label="resources.tasks.fields.reformArea" filterToQuery={(name) => ({ name })} />
  </ReferenceInput>,
  <SelectArrayInput key="priority" source="priority" choices={enumChoices('TaskPriority')} />,
  <DateInput key="deadline_gte" source="deadline_gte" />,
  <DateInput key="deadline_lte" source="deadline_lte" />,
];

/** On a phone, where unit heads often look: one line per task with its unit, deadline and timeliness. */
const TaskSimpleList = () => {
  const [locale] = useLocaleState();
  return (
    <SimpleList
      primaryText={(task) => task.title}
      secondaryText={(task) => `${task.leadUnit?.name ?? ''} · ${formatDay(task.deadline, locale)}`}
      tertiaryText={<TimelinessField />}
      linkType="show"
    />
  );
};

const TaskList = () => {
  const isSmall = useMediaQuery<Theme>((theme) => theme.breakpoints.down('md'));
  return (
    <List actions={<ListActions />} filters={taskFilters} sort={{ field: 'deadline', order: 'ASC' }} perPage={25}>
      {isSmall ? (
        <TaskSimpleList />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="title" field={TextField} sx={{ minWidth: 220 }} />
          <DataTable.Col source="leadUnit.name" label="resources.tasks.fields.leadUnit" sx={{ minWidth: 130 }}>
            <ReferenceLink source="leadUnit" reference="units" display="name" />
          </DataTable.Col>
          <DataTable.Col source="deadline">
            <DeadlineField />
          </DataTable.Col>
          <DataTable.Col source="status" field={StatusField} sx={{ minWidth: 130 }} />
          <DataTable.Col source="timeliness" field={TimelinessField} disableSort sx={{ minWidth: 150 }} />
          <DataTable.Col source="priority" field={PriorityField} sx={{ minWidth: 120 }} />
          <DataTable.Col source="progress" field={ProgressField} />
          <DataTable.Col
            source="responsibleHead.fullName"
            label="resources.tasks.fields.responsibleHead"
            disableSort
            sx={{ minWidth: 130 }}
          >
            <ReferenceLink source="responsibleHead" reference="people" display="fullName" />
          </DataTable.Col>
        </DataTable>
      )}
    </List>
  );
};

export default TaskList;

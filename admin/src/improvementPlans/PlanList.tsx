import {
  AutocompleteInput,
  DataTable,
  List,
  NullableBooleanInput,
  NumberInput,
  ReferenceInput,
  SelectArrayInput,
} from 'react-admin';
import { ListActions } from '../common/ListActions';
import { ReferenceLink } from '../common/ReferenceLink';
import { PlanFlagField, PlanLastField, planStatusChoices, PlanStatusField, PlanTargetField } from './PlanFields';

const planFilters = [
  <ReferenceInput key="unit" source="unit" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="resources.improvementPlans.fields.unit" />
  </ReferenceInput>,
  <NumberInput key="year" source="year" step={1} alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={planStatusChoices} />,
  <NullableBooleanInput key="flagged" source="flagged" />,
];

const PlanList = () => (
  <List actions={<ListActions />} filters={planFilters} sort={{ field: 'year', order: 'DESC' }}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="unit.name" label="resources.improvementPlans.fields.unit">
        <ReferenceLink source="unit" reference="units" display="name" />
      </DataTable.Col>
      <DataTable.Col source="year" />
      <DataTable.Col source="targetPercent" disableSort>
        <PlanTargetField />
      </DataTable.Col>
      <DataTable.Col source="comparison.lastPercent" label="par.plans.last_percent" disableSort>
        <PlanLastField />
      </DataTable.Col>
      <DataTable.Col source="status">
        <PlanStatusField />
      </DataTable.Col>
      <DataTable.Col source="flagged" disableSort>
        <PlanFlagField />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default PlanList;

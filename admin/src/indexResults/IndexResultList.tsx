import {
  AutocompleteInput,
  BooleanField,
  DataTable,
  List,
  NumberInput,
  ReferenceInput,
  SelectInput,
} from 'react-admin';
import { ListActions } from '../common/ListActions';
import { DecimalField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';
import { enumChoices } from '../enums';
import { IndexLevelField, PercentDeltaField, RankOfField } from './IndexResultFields';

const indexResultFilters = [
  <NumberInput key="year" source="year" step={1} alwaysOn />,
  <SelectInput key="level" source="level" choices={enumChoices('IndexLevel')} alwaysOn />,
  <ReferenceInput key="unit" source="unit" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }}>
    <AutocompleteInput label="resources.indexResults.fields.unit" />
  </ReferenceInput>,
];

const percent = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

const IndexResultList = () => (
  <List actions={<ListActions />} filters={indexResultFilters} sort={{ field: 'year', order: 'DESC' }} perPage={25}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="year" />
      <DataTable.Col source="unit.name" label="resources.indexResults.fields.unit">
        <ReferenceLink source="unit" reference="units" display="name" />
      </DataTable.Col>
      <DataTable.Col
        source="framework.level"
        label="resources.indexResults.fields.level"
        field={IndexLevelField}
        disableSort
      />
      <DataTable.Col source="publishedPercent" align="right">
        <DecimalField source="publishedPercent" options={percent} />
      </DataTable.Col>
      <DataTable.Col source="percent" align="right" disableSort>
        <DecimalField source="percent" options={percent} />
      </DataTable.Col>
      <DataTable.Col source="rank" label="par.scores.rank_column" disableSort>
        <RankOfField />
      </DataTable.Col>
      <DataTable.Col source="percentDelta" label="par.scores.delta_column" align="right" disableSort>
        <PercentDeltaField />
      </DataTable.Col>
      <DataTable.Col source="illustrative" field={BooleanField} disableSort />
    </DataTable>
  </List>
);

export default IndexResultList;

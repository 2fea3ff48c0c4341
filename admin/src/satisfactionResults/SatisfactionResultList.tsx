// Satisfaction of citizens and organisations with public services (SIPAS): per unit, year, sector and
// element, the shares satisfied, aware and whose expectation was met, against the sector's target.
import { Chip } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  List,
  NumberInput,
  ReferenceInput,
  SelectInput,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { EnumField } from '../common/EnumField';
import { ListActions } from '../common/ListActions';
import { DecimalField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';
import { enumChoices } from '../enums';

const satisfactionFilters = [
  <NumberInput key="year" source="year" step={1} alwaysOn />,
  <ReferenceInput key="unit" source="unit" reference="units" sort={{ field: 'sortOrder', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="resources.satisfactionResults.fields.unit" />
  </ReferenceInput>,
  <SelectInput key="sector" source="sector" choices={enumChoices('ServiceSector')} alwaysOn />,
  <SelectInput key="element" source="element" choices={enumChoices('SipasElement')} />,
];

const percent = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

/** "Đạt" in green or "Không đạt" in red; nothing without a target for the year. */
export const MeetsTargetField = () => {
  const record = useRecordContext<{ id: string; meetsTarget: boolean | null }>();
  const translate = useTranslate();
  if (!record || record.meetsTarget === null || record.meetsTarget === undefined) return null;
  return (
    <Chip
      size="small"
      color={record.meetsTarget ? 'success' : 'error'}
      label={translate(record.meetsTarget ? 'par.scores.meets' : 'par.scores.misses')}
    />
  );
};

const SatisfactionResultList = () => (
  <List actions={<ListActions />} filters={satisfactionFilters} sort={{ field: 'year', order: 'DESC' }} perPage={25}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="year" />
      <DataTable.Col source="unit.name" label="resources.satisfactionResults.fields.unit" disableSort>
        <ReferenceLink source="unit" reference="units" display="name" />
      </DataTable.Col>
      <DataTable.Col source="sector">
        <EnumField source="sector" enumName="ServiceSector" />
      </DataTable.Col>
      <DataTable.Col source="element">
        <EnumField source="element" enumName="SipasElement" />
      </DataTable.Col>
      <DataTable.Col source="satisfactionPercent" align="right" disableSort>
        <DecimalField source="satisfactionPercent" options={percent} />
      </DataTable.Col>
      <DataTable.Col source="perceptionPercent" align="right" disableSort>
        <DecimalField source="perceptionPercent" options={percent} emptyText="–" />
      </DataTable.Col>
      <DataTable.Col source="expectationPercent" align="right" disableSort>
        <DecimalField source="expectationPercent" options={percent} emptyText="–" />
      </DataTable.Col>
      <DataTable.Col source="respondents" align="right" disableSort>
        <DecimalField source="respondents" emptyText="–" />
      </DataTable.Col>
      <DataTable.Col source="targetValue" align="right" disableSort>
        <DecimalField source="targetValue" options={{ maximumFractionDigits: 2 }} emptyText="–" />
      </DataTable.Col>
      <DataTable.Col source="meetsTarget" disableSort>
        <MeetsTargetField />
      </DataTable.Col>
    </DataTable>
  </List>
);

export default SatisfactionResultList;

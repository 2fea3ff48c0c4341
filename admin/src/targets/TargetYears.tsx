// A target's interim (planned) and actual values by year, with whether each year met its mark.
import CheckIcon from '@mui/icons-material/CheckCircleOutlined';
import CloseIcon from '@mui/icons-material/HighlightOffOutlined';
import { ArrayField, DataTable, ResourceContextProvider, useRecordContext, useTranslate } from 'react-admin';
import { DecimalField } from '../common/LocaleFields';

interface TargetYear {
  id: string;
  year: number;
  plannedValue: number | null;
  actualValue: number | null;
}

const meets: Record<string, (actual: number, mark: number) => boolean> = {
  GT: (actual, mark) => actual > mark,
  GTE: (actual, mark) => actual >= mark,
  EQ: (actual, mark) => actual === mark,
  LTE: (actual, mark) => actual <= mark,
  LT: (actual, mark) => actual < mark,
};

/** Met when the actual value compares with the year's planned value (else the target) as the target says. */
const MetField = ({ comparator, targetValue }: { comparator: string; targetValue: number }) => {
  const year = useRecordContext<TargetYear>();
  const translate = useTranslate();
  const compare = meets[comparator];
  if (!year || year.actualValue === null || !compare) return null;
  const met = compare(year.actualValue, year.plannedValue ?? targetValue);
  const label = translate(met ? 'par.target.met' : 'par.target.not_met');
  return met ? (
    <CheckIcon color="success" fontSize="small" titleAccess={label} />
  ) : (
    <CloseIcon color="error" fontSize="small" titleAccess={label} />
  );
};

export const TargetYears = () => {
  const target = useRecordContext<{ id: string; comparator: string; targetValue: number }>();
  if (!target) return null;
  return (
    <ResourceContextProvider value="targetYears">
      <ArrayField source="years" sort={{ field: 'year', order: 'ASC' }}>
        <DataTable bulkActionButtons={false} rowClick={false}>
          <DataTable.Col source="year" />
          <DataTable.Col source="plannedValue" align="right" field={DecimalField} />
          <DataTable.Col source="actualValue" align="right" field={DecimalField} />
          <DataTable.Col source="met">
            <MetField comparator={target.comparator} targetValue={target.targetValue} />
          </DataTable.Col>
          <DataTable.Col source="note" />
        </DataTable>
      </ArrayField>
    </ResourceContextProvider>
  );
};

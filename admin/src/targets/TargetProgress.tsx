// A target's progress as the API computes it: the overall status with its reason, the projection of
// the trend to the target year, and each year's planned and actual value with its status.
import { Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';

export const targetStatuses = ['ACHIEVED', 'MISSED', 'ON_COURSE', 'AT_RISK', 'NO_DATA'] as const;
export const targetMetrics = ['MANUAL', 'PAR_INDEX_PERCENT', 'PAR_INDEX_RANK', 'SATISFACTION_PERCENT'] as const;
export const serviceSectors = ['OVERALL', 'HEALTH', 'EDUCATION', 'LAND', 'CONSTRUCTION'] as const;

/** Choices for a SelectInput from a list of values, labelled under par.targets.<group>. */
export const choicesOf = (group: string, values: readonly string[]) =>
  values.map((value) => ({ id: value, name: `par.targets.${group}.${value}` }));

type ChipColor = 'success' | 'error' | 'warning' | 'info' | 'default';

const statusColor: Record<string, ChipColor> = {
  ACHIEVED: 'success',
  MISSED: 'error',
  ON_COURSE: 'info',
  AT_RISK: 'warning',
  NO_DATA: 'default',
  MET: 'success',
  NOT_YET_DUE: 'default',
  AWAITING_RESULT: 'warning',
  NO_INTERIM_TARGET: 'default',
};

interface YearProgress {
  year: number;
  plannedValue: number | null;
  actualValue: number | null;
  status: string;
  final: boolean;
}

interface ProgressRecord {
  id: string;
  status?: string;
  statusReason?: string;
  targetYear: number;
  metric?: string;
  sector?: string | null;
  progress?: YearProgress[];
  projection?: { slope: number; projectedValue: number; years: number[] } | null;
  years?: { year: number; note: string | null }[];
}

const useNumber = () => {
  const [locale] = useLocaleState();
  return (value: number | null | undefined, digits = 2) =>
    value == null ? '—' : value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: digits });
};

/** The overall status as a coloured chip. */
export const TargetStatusField = ({ status }: { status?: string }) => {
  const record = useRecordContext<ProgressRecord>();
  const translate = useTranslate();
  const value = status ?? record?.status;
  if (!value) return null;
  return (
    <Chip
      size="small"
      color={statusColor[value] ?? 'default'}
      variant={value === 'NO_DATA' ? 'outlined' : 'filled'}
      label={translate(`par.targets.statuses.${value}`)}
    />
  );
};

/** Metric (and sector) of the target in words. */
export const TargetMetricField = () => {
  const record = useRecordContext<ProgressRecord>();
  const translate = useTranslate();
  if (!record?.metric) return null;
  const sector = record.sector ? ` — ${translate(`par.targets.sectors.${record.sector}`)}` : '';
  return (
    <Typography variant="body2" component="span">
      {translate(`par.targets.metrics.${record.metric}`)}
      {sector}
    </Typography>
  );
};

/** Status, its reason and the projection of the trend to the target year. */
export const TargetOutlook = () => {
  const record = useRecordContext<ProgressRecord>();
  const translate = useTranslate();
  const number = useNumber();
  if (!record) return null;
  const projection = record.projection;
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TargetStatusField />
        <Typography variant="body2">{record.statusReason}</Typography>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {projection
          ? `${translate('par.targets.projection_text', {
              years: projection.years.join(', '),
              value: number(projection.projectedValue),
              year: record.targetYear,
            })}. ${translate('par.targets.slope', { slope: number(projection.slope, 3) })}`
          : translate('par.targets.projection_none')}
      </Typography>
    </Stack>
  );
};

/** Each year's planned and actual value, its status and the year's note. */
export const TargetYears = () => {
  const record = useRecordContext<ProgressRecord>();
  const translate = useTranslate();
  const number = useNumber();
  if (!record?.progress) return null;
  const notes = new Map((record.years ?? []).map((y) => [y.year, y.note]));
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('par.targets.year')}</TableCell>
          <TableCell align="right">{translate('par.targets.planned')}</TableCell>
          <TableCell align="right">{translate('par.targets.actual')}</TableCell>
          <TableCell>{translate('par.targets.year_status')}</TableCell>
          <TableCell>{translate('par.targets.note')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.progress.map((row) => (
          <TableRow key={row.year}>
            <TableCell>
              {row.year}
              {row.final && (
                <Typography component="span" variant="caption" color="text.secondary">
                  {` (${translate('par.targets.final')})`}
                </Typography>
              )}
            </TableCell>
            <TableCell align="right">{number(row.plannedValue)}</TableCell>
            <TableCell align="right">{number(row.actualValue)}</TableCell>
            <TableCell>
              <Chip
                size="small"
                variant="outlined"
                color={statusColor[row.status] ?? 'default'}
                label={translate(`par.targets.year_statuses.${row.status}`)}
              />
            </TableCell>
            <TableCell>{notes.get(row.year) ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

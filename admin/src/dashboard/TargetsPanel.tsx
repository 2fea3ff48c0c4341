// Targets at risk: how many targets stand where (each count opens the list of them), and those at
// risk or missed with their latest actual value, the projection for the target year and the reason;
// also targets met in the end that missed a year's interim value (the district's 2023 dip below 92%).
import {
  Chip,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
  type ChipProps,
} from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { intlLocale } from '../common/dates';
import { enumLabel } from '../enums';
import type { TargetRow, TargetStatus, TargetSummary } from './api';
import { listPath, showPath } from './format';
import { Panel } from './Panel';

const statusColors: Record<TargetStatus, ChipProps['color']> = {
  ACHIEVED: 'success',
  ON_COURSE: 'info',
  AT_RISK: 'warning',
  MISSED: 'error',
  NO_DATA: 'default',
};

const counts: [TargetStatus, keyof TargetSummary][] = [
  ['ACHIEVED', 'achieved'],
  ['ON_COURSE', 'onCourse'],
  ['AT_RISK', 'atRisk'],
  ['MISSED', 'missed'],
  ['NO_DATA', 'noData'],
];

/** The problems first: at risk, then missed, then targets with a missed year; by code within each. */
const order: TargetStatus[] = ['AT_RISK', 'MISSED', 'NO_DATA', 'ON_COURSE', 'ACHIEVED'];

const missedYears = (target: TargetRow) => target.progress.filter((year) => year.status === 'MISSED');

const needsAttention = (target: TargetRow) =>
  target.status === 'AT_RISK' || target.status === 'MISSED' || missedYears(target).length > 0;

export const TargetStatusChip = ({ status, title }: { status: TargetStatus; title?: string }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      title={title}
      color={statusColors[status]}
      label={translate(`par.targets.statuses.${status}`, { _: status })}
    />
  );
};

const latestActual = (target: TargetRow) =>
  [...target.progress].reverse().find((year) => year.actualValue !== null && year.actualValue !== undefined);

export const TargetsPanel = ({
  data,
  isPending,
  error,
}: {
  data: TargetSummary | undefined;
  isPending: boolean;
  error: unknown;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  /** A figure in the target's measure: "93,12%", "3 hạng"; targets themselves without trailing zeros. */
  const value = (target: TargetRow, number: number | null | undefined, exact = true) => {
    if (typeof number !== 'number') return '–';
    const digits = target.measure === '%' && exact ? 2 : 0;
    const text = number.toLocaleString(intlLocale(locale), {
      minimumFractionDigits: digits,
      maximumFractionDigits: Math.max(digits, 2),
    });
    return target.measure === '%' ? `${text}%` : `${text} ${target.measure}`;
  };
  const rows = (data?.targets ?? [])
    .filter(needsAttention)
    .sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status) || a.code.localeCompare(b.code));
  return (
    <Panel title="par.dashboard.targets.title" isPending={isPending} error={error} span={12}>
      {data && (
        <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5, mb: 2 }}>
          {counts.map(([status, key]) => (
            <Chip
              key={status}
              size="small"
              variant="outlined"
              color={statusColors[status]}
              clickable
              component={Link}
              to={listPath('targets', { status: [status] })}
              label={`${translate(`par.targets.statuses.${status}`)}: ${String(data[key])}`}
            />
          ))}
        </Stack>
      )}
      {rows.length === 0 ? (
        <Typography color="text.secondary">{translate('par.dashboard.targets.none')}</Typography>
      ) : (
        <Table size="small" aria-label={translate('par.dashboard.targets.title')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('par.dashboard.targets.target')}</TableCell>
              <TableCell>{translate('par.dashboard.targets.status')}</TableCell>
              <TableCell align="right">{translate('par.dashboard.targets.actual')}</TableCell>
              <TableCell align="right">{translate('par.dashboard.targets.projection')}</TableCell>
              <TableCell>{translate('par.dashboard.targets.missed_years')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((target) => {
              const actual = latestActual(target);
              return (
                <TableRow key={target.id}>
                  <TableCell>
                    <MuiLink component={Link} to={showPath('targets', target.id)}>
                      {target.code}
                    </MuiLink>{' '}
                    <Typography component="span" variant="body2">
                      {target.indicator}
                    </Typography>
                    <Typography variant="caption" component="div" color="text.secondary">
                      {translate('par.dashboard.targets.aim', {
                        comparator: translate(enumLabel('Comparator', target.comparator), { _: target.comparator }),
                        value: value(target, target.targetValue, false),
                        year: target.targetYear,
                      })}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    {/* The API's reason (in English, with the numbers) on hover: the row shows them too. */}
                    <TargetStatusChip status={target.status} title={target.statusReason ?? undefined} />
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {actual ? `${value(target, actual.actualValue)} (${actual.year})` : '–'}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    {target.projection?.projectedValue !== null && target.projection?.projectedValue !== undefined
                      ? `${value(target, target.projection.projectedValue)} (${target.targetYear})`
                      : '–'}
                  </TableCell>
                  <TableCell>
                    {missedYears(target).map((year) => (
                      <Typography key={year.year} variant="body2" color="error">
                        {translate('par.dashboard.targets.missed_year', {
                          year: year.year,
                          actual: value(target, year.actualValue),
                          planned: `${translate(enumLabel('Comparator', target.comparator), { _: target.comparator })} ${value(
                            target,
                            year.plannedValue,
                            false,
                          )}`,
                        })}
                      </Typography>
                    ))}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </Panel>
  );
};

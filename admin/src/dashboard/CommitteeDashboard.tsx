// The committee's dashboard (loaded on demand with its charting library): the district's index over
// the years against the resolution's targets, where it lost points, the league table of units, one
// unit's trend, targets at risk, flagged improvement plans and task timeliness. Each figure links to
// the tasks or scores behind it.
import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useGetIdentity, useLocaleState, useStore, useTranslate, type TranslateFunction } from 'react-admin';
import { intlLocale } from '../common/dates';
import {
  useDistrictTrend,
  useFrameworkYears,
  useLeagueTable,
  usePlans,
  useTargetProgress,
  useTrend,
  useWholeLeagueTable,
  type IndexLevel,
  type TargetRow,
  type TaskGrouping,
} from './api';
import { LeagueTable } from './LeagueTable';
import { Panel } from './Panel';
import { PlansPanel } from './PlansPanel';
import { PointsLostChart } from './PointsLostChart';
import { SatisfactionPanel } from './SatisfactionPanel';
import { TargetsPanel } from './TargetsPanel';
import { TimelinessPanel } from './TimelinessChart';
import { TrendChart, type TargetLine } from './TrendChart';

const comparatorSymbol: Record<string, string> = { GT: '>', GTE: '≥', EQ: '=', LTE: '≤', LT: '<' };

/** 93 → "93%", 92.5 → "92,5%": a target as people say it. */
const targetText = (value: number, locale: string) =>
  `${value.toLocaleString(intlLocale(locale), { maximumFractionDigits: 2 })}%`;

/**
 * The unit's PAR index targets as lines on its trend: a target with interim values in several years is
 * a yearly floor (the latest interim value), any other is the goal for its year.
 */
export function targetLines(
  targets: TargetRow[],
  unitId: string | undefined,
  translate: TranslateFunction,
  locale: string,
): TargetLine[] {
  return targets
    .filter((target) => target.metric === 'PAR_INDEX_PERCENT' && unitId !== undefined && target.unit?.id === unitId)
    .filter((target) => ['GT', 'GTE'].includes(target.comparator))
    .map((target): TargetLine => {
      const planned = target.progress.filter((year) => typeof year.plannedValue === 'number');
      const symbol = comparatorSymbol[target.comparator] ?? '';
      if (planned.length >= 2) {
        const value = planned.at(-1)?.plannedValue ?? target.targetValue;
        return {
          kind: 'floor',
          value,
          label: translate('par.dashboard.trend.floor', { value: `${symbol} ${targetText(value, locale)}` }),
        };
      }
      return {
        kind: 'goal',
        value: target.targetValue,
        label: translate('par.dashboard.trend.goal', {
          year: target.targetYear,
          value: `${symbol} ${targetText(target.targetValue, locale)}`,
        }),
      };
    });
}

const CommitteeDashboard = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { identity } = useGetIdentity();
  const [level, setLevel] = useStore<IndexLevel>('dashboard.level', 'COMMUNE');
  const [chosenYear, setYear] = useStore<number | null>(`dashboard.year.${level}`, null);
  const [groupBy, setGroupBy] = useStore<TaskGrouping>('dashboard.timeliness', 'UNIT');
  // The unit picked for the trend, per level as the year is: a unit has results at one level only.
  const [chosenUnit, setUnit] = useStore<string | null>(`dashboard.unit.${level}`, null);
  const [perPage, setPerPage] = useStore('dashboard.league.perPage', 25);
  const [page, setPage] = useState(0);

  const years = useFrameworkYears(level);
  const year = chosenYear !== null && years.data?.includes(chosenYear) ? chosenYear : years.data?.[0];
  const league = useLeagueTable(level, year, page, perPage);
  const wholeLeague = useWholeLeagueTable();
  const targets = useTargetProgress();
  const plans = usePlans();

  const allTargets = targets.data?.targets ?? [];
  // The district whose index the resolution's targets measure (the demo data has one district-level
  // unit), asked for once the targets are in (or failed to come).
  const measuredUnits = targets.isPending
    ? undefined
    : allTargets.flatMap((target) => (target.metric === 'PAR_INDEX_PERCENT' && target.unit ? [target.unit.id] : []));
  const districtTrend = useDistrictTrend(measuredUnits);
  const district = districtTrend.data ?? undefined;
  const latest = district?.points.at(-1);
  const districtLines = targetLines(allTargets, district?.unit.id, translate, locale);
  const untilYear = Math.max(0, ...allTargets.filter((t) => t.unit?.id === district?.unit.id).map((t) => t.targetYear));

  // One unit's trend: the one picked (kept while the league table pages), else the signed-in head's own
  // unit when on the page shown, else the page's first.
  const rows = league.data?.rows ?? [];
  const unitId = chosenUnit ?? rows.find((row) => row.unit.id === identity?.unitId)?.unit.id ?? rows[0]?.unit.id;
  const unitTrend = useTrend(level, unitId ?? '');
  const unitSeries = unitTrend.data ?? undefined;
  // The picker offers the page's units and the one whose trend is shown, wherever it ranks.
  const pageUnits = rows.map((row) => row.unit);
  const units =
    unitSeries && !pageUnits.some((unit) => unit.id === unitSeries.unit.id)
      ? [unitSeries.unit, ...pageUnits]
      : pageUnits;

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(12, minmax(0, 1fr))', gap: 2, mt: 2 }}>
      <Panel
        title="par.dashboard.trend.district_title"
        subheader={district?.unit.name}
        isPending={districtTrend.isPending}
        error={districtTrend.error}
      >
        {district ? (
          <TrendChart points={district.points} targets={districtLines} untilYear={untilYear || undefined} />
        ) : (
          <Typography color="text.secondary">{translate('par.dashboard.trend.empty')}</Typography>
        )}
      </Panel>
      <Panel
        title="par.dashboard.points_lost.title"
        subheader={district && latest ? `${district.unit.name} · ${latest.year}` : undefined}
        isPending={districtTrend.isPending}
        error={districtTrend.error}
      >
        {district && latest ? (
          <PointsLostChart point={latest} unitName={district.unit.name} />
        ) : (
          <Typography color="text.secondary">{translate('par.dashboard.trend.empty')}</Typography>
        )}
      </Panel>
      <LeagueTable
        level={level}
        onLevel={(next) => {
          setLevel(next);
          setPage(0);
        }}
        year={year}
        years={years.data ?? []}
        onYear={(next) => {
          setYear(next);
          setPage(0);
        }}
        // A level without any framework has no year to ask for: an empty table, not a spinner.
        data={year === undefined && years.isSuccess ? { rows: [], total: 0 } : league.data}
        page={page}
        onPage={setPage}
        perPage={perPage}
        onPerPage={(next) => {
          setPerPage(next);
          setPage(0);
        }}
        allRows={() => (year === undefined ? Promise.resolve([]) : wholeLeague(level, year))}
        isPending={years.isPending || (year !== undefined && league.isPending)}
        isPaging={league.isPlaceholderData}
        error={years.error ?? league.error}
        ownUnitId={identity?.unitId as string | null | undefined}
      />
      <Panel
        title="par.dashboard.trend.unit_title"
        action={
          units.length > 0 && (
            <TextField
              select
              size="small"
              label={translate('par.dashboard.league.unit')}
              value={units.some((unit) => unit.id === unitId) ? unitId : ''}
              onChange={(event) => setUnit(event.target.value)}
              sx={{ minWidth: 200 }}
            >
              {units.map((unit) => (
                <MenuItem key={unit.id} value={unit.id}>
                  {unit.name}
                </MenuItem>
              ))}
            </TextField>
          )
        }
        isPending={unitId !== undefined && unitTrend.isPending}
        error={unitTrend.error}
        span={5}
      >
        {unitSeries ? (
          <TrendChart
            points={unitSeries.points}
            targets={targetLines(allTargets, unitSeries.unit.id, translate, locale)}
            height={240}
          />
        ) : (
          <Typography color="text.secondary">{translate('par.dashboard.trend.pick_unit')}</Typography>
        )}
      </Panel>
      <PlansPanel data={plans.data} isPending={plans.isPending} error={plans.error} />
      <TargetsPanel data={targets.data} isPending={targets.isPending} error={targets.error} />
      <SatisfactionPanel unitId={district?.unit.id} waiting={districtTrend.isPending} />
      <TimelinessPanel groupBy={groupBy} onGroupBy={setGroupBy} />
    </Box>
  );
};

export default CommitteeDashboard;

// Tasks by timeliness, per lead unit or per month of the deadline, as stacked bars: the open ones
// (overdue, due soon, on track) and the completed ones (on time, within an extension, late). A bar
// segment opens those tasks.
import { Box, Button, ToggleButton, ToggleButtonGroup, Typography, useTheme, type Theme } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { intlLocale } from '../common/dates';
import { enumLabel, type Timeliness } from '../enums';
import { useTimeliness, type TaskGrouping, type TimelinessGroup } from './api';
import { listPath, monthRange, unitRows } from './format';
import { Panel } from './Panel';

type CountKey = 'overdue' | 'dueSoon' | 'onTrack' | 'completedOnTime' | 'completedWithinExtension' | 'completedLate';

const segments: { key: CountKey; timeliness: Timeliness; color: (p: Theme['palette']) => string }[] = [
  { key: 'overdue', timeliness: 'OVERDUE', color: (p) => p.error.main },
  { key: 'dueSoon', timeliness: 'DUE_SOON', color: (p) => p.warning.main },
  { key: 'onTrack', timeliness: 'ON_TRACK', color: (p) => p.info.main },
  { key: 'completedOnTime', timeliness: 'COMPLETED_ON_TIME', color: (p) => p.success.main },
  { key: 'completedWithinExtension', timeliness: 'COMPLETED_WITHIN_EXTENSION', color: (p) => p.success.light },
  { key: 'completedLate', timeliness: 'COMPLETED_LATE', color: (p) => p.warning.light },
];

/**
 * Units shown until asked for all, those with most overdue tasks first: a province has thousands of
 * units, and a bar each would make the chart tens of thousands of pixels tall.
 */
const unitsShown = 20;

/** Months of the current year; units over every task. */
const currentYear = new Date().getFullYear();

const empty = { onTrack: 0, dueSoon: 0, overdue: 0, completedOnTime: 0, completedWithinExtension: 0, completedLate: 0 };

/** Every month of the year in order, those without a task at zero: the chart reads as a calendar. */
function monthsOf(year: number, groups: TimelinessGroup[]): TimelinessGroup[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = index + 1;
    return (
      groups.find((group) => group.year === year && group.month === month) ?? {
        key: `${year}-${String(month).padStart(2, '0')}`,
        unit: null,
        year,
        month,
        ...empty,
        open: 0,
        total: 0,
      }
    );
  });
}

/** "03/2026" in Vietnamese, "Mar 2026" in English. */
function monthLabel(group: TimelinessGroup, locale: string): string {
  if (group.year === null || group.month === null) return group.key;
  if (locale === 'vi') return `${String(group.month).padStart(2, '0')}/${group.year}`;
  return new Date(Date.UTC(group.year, group.month - 1, 1)).toLocaleDateString(intlLocale(locale), {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

function groupFilter(groupBy: TaskGrouping, group: TimelinessGroup): Record<string, unknown> {
  if (groupBy === 'UNIT') return group.unit ? { leadUnit: group.unit.id } : {};
  if (group.year === null || group.month === null) return {};
  const { from, to } = monthRange(group.year, group.month);
  return { deadline_gte: from, deadline_lte: to };
}

interface TimelinessPanelProps {
  groupBy: TaskGrouping;
  onGroupBy: (groupBy: TaskGrouping) => void;
}

export const TimelinessPanel = ({ groupBy, onGroupBy }: TimelinessPanelProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const theme = useTheme();
  const navigate = useNavigate();
  const filter = groupBy === 'MONTH' ? { deadline: { gte: `${currentYear}-01-01`, lte: `${currentYear}-12-31` } } : {};
  const { data, isPending, error } = useTimeliness(groupBy, filter);
  const [allUnits, setAllUnits] = useState(false);
  const units = unitRows(data ?? []);
  const rows =
    groupBy === 'UNIT'
      ? allUnits
        ? units
        : units.slice(0, unitsShown)
      : monthsOf(currentYear, data ?? []).map((group) => ({ ...group, label: monthLabel(group, locale) }));

  const open = (group: TimelinessGroup, timeliness: Timeliness) =>
    navigate(listPath('tasks', { ...groupFilter(groupBy, group), timeliness: [timeliness] }));

  const toggle = (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={groupBy}
      onChange={(_event, value: TaskGrouping | null) => value && onGroupBy(value)}
      aria-label={translate('par.dashboard.timeliness.group_by')}
    >
      <ToggleButton value="UNIT">{translate('par.dashboard.timeliness.by_unit')}</ToggleButton>
      <ToggleButton value="MONTH">{translate('par.dashboard.timeliness.by_month', { year: currentYear })}</ToggleButton>
    </ToggleButtonGroup>
  );
  const vertical = groupBy === 'UNIT';
  return (
    <Panel
      title="par.dashboard.timeliness.title"
      subheader={translate('par.dashboard.timeliness.help')}
      action={toggle}
      isPending={isPending}
      error={error}
      span={12}
    >
      {rows.every((row) => row.total === 0) ? (
        <Typography color="text.secondary">{translate('par.dashboard.timeliness.empty')}</Typography>
      ) : (
        <Box>
          <ResponsiveContainer width="100%" height={vertical ? Math.max(240, rows.length * 26 + 80) : 320}>
            <BarChart
              data={rows}
              layout={vertical ? 'vertical' : 'horizontal'}
              margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
            >
              <CartesianGrid strokeDasharray="3 3" />
              {vertical ? (
                <>
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={230} tick={{ fontSize: 12 }} interval={0} />
                </>
              ) : (
                <>
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} />
                </>
              )}
              <Tooltip itemSorter={(item) => segments.findIndex((segment) => segment.key === item.dataKey)} />
              <Legend itemSorter={null} />
              {segments.map((segment) => (
                <Bar
                  key={segment.key}
                  dataKey={segment.key}
                  stackId="tasks"
                  name={translate(enumLabel('Timeliness', segment.timeliness))}
                  fill={segment.color(theme.palette)}
                  cursor="pointer"
                  isAnimationActive={false}
                  onClick={(item) => open(item.payload as TimelinessGroup, segment.timeliness)}
                />
              ))}
            </BarChart>
          </ResponsiveContainer>
          {groupBy === 'UNIT' && units.length > unitsShown && (
            <Button size="small" onClick={() => setAllUnits(!allUnits)}>
              {translate(allUnits ? 'par.dashboard.timeliness.fewer_units' : 'par.dashboard.timeliness.all_units', {
                shown: unitsShown,
                count: units.length,
              })}
            </Button>
          )}
        </Box>
      )}
    </Panel>
  );
};

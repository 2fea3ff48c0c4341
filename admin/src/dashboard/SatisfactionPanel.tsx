// Satisfaction with the district's public services (SIPAS) in its latest surveyed year: a bar per
// sector with the sector's target as a marker, bars below their target in red. A bar, or the chip
// under the chart, opens the survey results of that unit, year and sector.
import { Box, Chip, Stack, Typography, useTheme } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import {
  Bar,
  CartesianGrid,
  Cell,
  ComposedChart,
  LabelList,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ParDataProvider } from '../dataProvider';
import { enumLabel, enums } from '../enums';
import { formatNumber, formatPercent, listPath } from './format';
import { Panel } from './Panel';
import { satisfactionQuery } from './queries';

export interface SectorSatisfaction {
  id: string;
  year: number;
  sector: string;
  satisfactionPercent: number;
  targetValue: number | null;
  meetsTarget: boolean | null;
  unit: { id: string; name: string };
}

const sectorOrder: readonly string[] = enums.ServiceSector;

/** The rows of the latest year among those given, in the sectors' reading order. */
export function latestYearBySector(rows: SectorSatisfaction[]): SectorSatisfaction[] {
  const year = Math.max(...rows.map((row) => row.year));
  return rows
    .filter((row) => row.year === year)
    .sort((a, b) => sectorOrder.indexOf(a.sector) - sectorOrder.indexOf(b.sector));
}

/** Where a sector's figure leads: the survey results of that unit, year and sector. */
export const satisfactionPath = (row: SectorSatisfaction) =>
  listPath('satisfactionResults', { unit: row.unit.id, year: row.year, sector: row.sector });

/** A short horizontal line across the bar at the target's height. */
const TargetMarker = (props: { cx?: number; cy?: number; fill?: string }) => {
  const { cx, cy, fill } = props;
  if (typeof cx !== 'number' || typeof cy !== 'number') return <g />;
  return <line x1={cx - 30} x2={cx + 30} y1={cy} y2={cy} stroke={fill} strokeWidth={3} strokeDasharray="6 3" />;
};

export const SatisfactionPanel = ({ unitId, waiting = false }: { unitId: string | undefined; waiting?: boolean }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const theme = useTheme();
  const navigate = useNavigate();
  const dataProvider = useDataProvider<ParDataProvider>();
  const query = useQuery({
    queryKey: ['dashboard', 'satisfaction', unitId ?? null],
    retry: 1,
    enabled: unitId !== undefined,
    queryFn: async () =>
      (
        await dataProvider.readQuery<{ satisfactionResults: { nodes: SectorSatisfaction[] } }>(satisfactionQuery, {
          unit: unitId,
        })
      ).satisfactionResults.nodes,
  });
  const rows = query.data && query.data.length > 0 ? latestYearBySector(query.data) : [];
  const first = rows[0];
  const sectorName = (sector: string) => translate(enumLabel('ServiceSector', sector), { _: sector });
  const data = rows.map((row) => ({
    ...row,
    label: sectorName(row.sector),
    target: row.targetValue,
  }));
  const values = rows.flatMap((row) => [
    row.satisfactionPercent,
    ...(row.targetValue === null ? [] : [row.targetValue]),
  ]);
  // From a multiple of 5 under the lowest figure to 100, a tick every 5 points.
  const low = values.length > 0 ? Math.max(0, Math.floor((Math.min(...values) - 2) / 5) * 5) : 0;
  const ticks = Array.from({ length: (100 - low) / 5 + 1 }, (_, index) => low + index * 5);
  const percent = (value: unknown) => (typeof value === 'number' ? formatPercent(value, locale) : '');
  const target = (value: number) => `${formatNumber(value, locale, 0)}%`;
  const below = (row: SectorSatisfaction) => row.meetsTarget === false;

  return (
    <Panel
      title="par.scores.satisfaction_title"
      subheader={first ? `${first.unit.name} · ${first.year}` : undefined}
      isPending={waiting || (unitId !== undefined && query.isPending)}
      error={query.error}
    >
      {rows.length === 0 ? (
        <Typography color="text.secondary">{translate('par.scores.satisfaction_empty')}</Typography>
      ) : (
        <Box>
          <ResponsiveContainer width="100%" height={260}>
            <ComposedChart data={data} margin={{ top: 24, right: 16, bottom: 4, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" interval={0} tick={{ fontSize: 12 }} />
              <YAxis
                domain={[low, 100]}
                ticks={ticks}
                tickFormatter={(value: number) => `${formatNumber(value, locale, 0)}%`}
                width={48}
              />
              <Tooltip
                formatter={(value, name) => [
                  percent(value),
                  name === 'target'
                    ? translate('par.scores.satisfaction_target')
                    : translate('par.scores.satisfaction_value'),
                ]}
              />
              <Bar
                dataKey="satisfactionPercent"
                name="satisfactionPercent"
                barSize={48}
                cursor="pointer"
                isAnimationActive={false}
                onClick={(_entry, index) => {
                  const row = rows[index];
                  if (row) void navigate(satisfactionPath(row));
                }}
              >
                {rows.map((row) => (
                  <Cell key={row.sector} fill={below(row) ? theme.palette.error.main : theme.palette.primary.main} />
                ))}
                <LabelList dataKey="satisfactionPercent" position="top" formatter={percent} fontSize={12} />
              </Bar>
              <Scatter
                dataKey="target"
                name="target"
                fill={theme.palette.text.primary}
                shape={<TargetMarker />}
                isAnimationActive={false}
              />
            </ComposedChart>
          </ResponsiveContainer>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 0.5 }}>
            {translate('par.scores.satisfaction_help')}
          </Typography>
          <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
            {rows.map((row) => (
              <Chip
                key={row.sector}
                size="small"
                clickable
                component={Link}
                to={satisfactionPath(row)}
                color={below(row) ? 'error' : 'default'}
                label={
                  row.targetValue === null
                    ? translate('par.scores.satisfaction_chip_no_target', {
                        sector: sectorName(row.sector),
                        value: percent(row.satisfactionPercent),
                      })
                    : translate('par.scores.satisfaction_chip', {
                        sector: sectorName(row.sector),
                        value: percent(row.satisfactionPercent),
                        target: target(row.targetValue),
                      })
                }
              />
            ))}
          </Stack>
        </Box>
      )}
    </Panel>
  );
};

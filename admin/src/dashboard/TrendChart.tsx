// A unit's PAR index year over year: a line with each year's figure written on it, the targets as
// labelled reference lines, and under it each year as a link to the result (the scores behind it).
import { Box, Chip, Stack, useTheme } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrendPoint } from './api';
import { formatNumber, formatPercent, showPath } from './format';

export interface TargetLine {
  value: number;
  label: string;
  /** The goal is drawn solid, a yearly floor dashed. */
  kind: 'goal' | 'floor';
}

interface TrendChartProps {
  points: TrendPoint[];
  targets?: TargetLine[];
  /** Years to show even without a result, e.g. up to a target's year. */
  untilYear?: number;
  height?: number;
}

/** What a trend point shows: the published figure when there is one, else the one computed from scores. */
export const pointPercent = (point: TrendPoint): number | null => point.result.publishedPercent ?? point.percent;

export const TrendChart = ({ points, targets = [], untilYear, height = 280 }: TrendChartProps) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const theme = useTheme();
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const data = sorted.map((point) => ({ year: point.year, percent: pointPercent(point) }));
  const lastYear = sorted.at(-1)?.year;
  if (lastYear !== undefined && untilYear !== undefined) {
    for (let year = lastYear + 1; year <= untilYear; year += 1) data.push({ year, percent: null });
  }
  const values = [
    ...data.map((row) => row.percent).filter((value): value is number => value !== null),
    ...targets.map((target) => target.value),
  ];
  const low = Math.floor(Math.min(...values) - 0.5);
  const high = Math.ceil(Math.max(...values) + 0.5);
  const percent = (value: unknown) => (typeof value === 'number' ? formatPercent(value, locale) : '');

  return (
    <Box>
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 24, right: targets.length > 0 ? 150 : 32, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="year" padding={{ left: 24, right: 24 }} />
          <YAxis
            domain={values.length > 0 ? [low, high] : ['auto', 'auto']}
            allowDecimals={false}
            tickFormatter={(value: number) => `${formatNumber(value, locale, 0)}%`}
            width={48}
          />
          <Tooltip
            formatter={(value) => [percent(value), translate('par.dashboard.trend.index')]}
            labelFormatter={(label) => translate('par.dashboard.trend.year', { year: String(label) })}
          />
          {targets.map((target) => (
            <ReferenceLine
              key={`${target.kind}-${target.value}`}
              y={target.value}
              stroke={target.kind === 'goal' ? theme.palette.success.main : theme.palette.warning.main}
              strokeDasharray={target.kind === 'goal' ? undefined : '6 4'}
              strokeWidth={2}
              label={{
                value: target.label,
                position: 'right',
                fill: target.kind === 'goal' ? theme.palette.success.dark : theme.palette.warning.dark,
                fontSize: 12,
              }}
            />
          ))}
          <Line
            type="linear"
            dataKey="percent"
            name={translate('par.dashboard.trend.index')}
            stroke={theme.palette.primary.main}
            strokeWidth={2}
            dot={{ r: 4 }}
            isAnimationActive={false}
            connectNulls={false}
          >
            {/* A halo in the card's colour keeps each figure readable where it crosses a line. */}
            <LabelList
              dataKey="percent"
              position="top"
              formatter={percent}
              fontSize={12}
              stroke={theme.palette.background.paper}
              strokeWidth={3}
              paintOrder="stroke"
            />
          </Line>
        </LineChart>
      </ResponsiveContainer>
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5, mt: 1 }}>
        {sorted.map((point) => (
          <Chip
            key={point.year}
            size="small"
            clickable
            component={Link}
            to={showPath('indexResults', point.result.id)}
            title={translate('par.dashboard.trend.open_result')}
            label={`${point.year}: ${percent(pointPercent(point))}${
              point.rank !== null && point.rankOf !== null ? ` · ${point.rank}/${point.rankOf}` : ''
            }`}
          />
        ))}
      </Stack>
    </Box>
  );
};

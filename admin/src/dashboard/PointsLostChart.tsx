// Where a unit lost points in a year's result, field by field: a bar per field (the points short of its
// maximum); a bar opens the result with its scores per criterion.
import { Box, Link as MuiLink, Typography, useTheme } from '@mui/material';
import { Link, useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrendPoint } from './api';
import { formatNumber, showPath } from './format';

const shortName = (name: string) => (name.length > 38 ? `${name.slice(0, 36)}…` : name);

export const PointsLostChart = ({ point, unitName }: { point: TrendPoint; unitName: string }) => {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  const theme = useTheme();
  const navigate = useNavigate();
  const data = point.nodes.map((field) => ({
    label: `${field.code}. ${shortName(field.name)}`,
    name: `${field.code}. ${field.name}`,
    pointsLost: field.pointsLost ?? 0,
    points: field.points,
    maxPoints: field.maxPoints,
  }));
  const points = (value: unknown) => (typeof value === 'number' ? formatNumber(value, locale) : '');
  const open = () => navigate(showPath('indexResults', point.result.id));
  return (
    <Box>
      <ResponsiveContainer width="100%" height={Math.max(220, data.length * 34 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={(value: number) => formatNumber(value, locale, 1)} />
          <YAxis type="category" dataKey="label" width={250} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip
            formatter={(value, _name, item) => {
              const row = item.payload as (typeof data)[number];
              return [
                translate('par.dashboard.points_lost.tooltip', {
                  lost: points(value),
                  points: points(row.points),
                  max: points(row.maxPoints),
                }),
                row.name,
              ];
            }}
            labelFormatter={() => ''}
          />
          <Bar
            dataKey="pointsLost"
            name={translate('par.dashboard.points_lost.lost')}
            fill={theme.palette.error.light}
            cursor="pointer"
            onClick={open}
            isAnimationActive={false}
          >
            <LabelList dataKey="pointsLost" position="right" formatter={points} fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <Typography variant="body2" sx={{ mt: 1 }}>
        <MuiLink component={Link} to={showPath('indexResults', point.result.id)}>
          {translate('par.dashboard.points_lost.open', { unit: unitName, year: point.year })}
        </MuiLink>
      </Typography>
    </Box>
  );
};

// The league table of units for a level and year: index, rank and its change, the change in points
// from last year, the weakest field, and the tasks each unit leads that are overdue or open. A row
// opens the unit's tasks; each figure links to what is behind it. The API sends one page at a time
// (a province has thousands of communes); the export reads the whole table.
import ArrowDownIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpIcon from '@mui/icons-material/ArrowUpward';
import {
  Box,
  MenuItem,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { MouseEvent } from 'react';
import { Link, useLocaleState, useTranslate, type TranslateFunction } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { num, text, type ExportTable } from '../common/export';
import { ExportMenuButton } from '../common/ExportMenu';
import { enumLabel, enums } from '../enums';
import type { IndexLevel, LeaguePage, LeagueRow } from './api';
import { formatDelta, formatNumber, formatPercent, listPath, openTimeliness, showPath, unitTasksPath } from './format';
import { Panel } from './Panel';

const stop = (event: MouseEvent) => event.stopPropagation();

/** Rows per page the pager offers; 25 is the default. */
const leaguePageSizes = [10, 25, 50, 100];

/** The table as exported: the same figures as shown, as numbers. */
export function leagueExport(
  rows: LeagueRow[],
  level: IndexLevel,
  year: number,
  translate: TranslateFunction,
): ExportTable {
  const header = (key: string) => translate(`par.dashboard.league.${key}`);
  return {
    name: `league-${level.toLowerCase()}-${year}`,
    headers: [
      header('rank'),
      header('rank_of'),
      header('unit'),
      header('percent'),
      header('points'),
      header('max_points'),
      header('previous_percent'),
      header('delta'),
      header('previous_rank'),
      header('weakest_field'),
      header('weakest_points_lost'),
      header('overdue'),
      header('open'),
    ],
    rows: rows.map((row) => [
      num(row.rank),
      num(row.rankOf),
      text(row.unit.name),
      num(row.percent, 2),
      num(row.points, 2),
      num(row.maxPoints, 2),
      num(row.previousPercent, 2),
      num(row.delta, 2),
      num(row.previousRank),
      text(row.weakestField ? `${row.weakestField.code}. ${row.weakestField.name}` : null),
      num(row.weakestField?.pointsLost, 2),
      num(row.overdueTasks),
      num(row.openTasks),
    ]),
  };
}

const RankChange = ({ change }: { change: number | null }) => {
  const translate = useTranslate();
  if (change === null || change === 0) return null;
  const up = change > 0;
  return (
    <Box
      component="span"
      title={translate(up ? 'par.dashboard.league.rank_up' : 'par.dashboard.league.rank_down', {
        smart_count: Math.abs(change),
      })}
      sx={{ display: 'inline-flex', alignItems: 'center', color: up ? 'success.main' : 'error.main', ml: 0.5 }}
    >
      {up ? <ArrowUpIcon sx={{ fontSize: 14 }} /> : <ArrowDownIcon sx={{ fontSize: 14 }} />}
      <Typography component="span" variant="caption">
        {Math.abs(change)}
      </Typography>
    </Box>
  );
};

interface LeagueTableProps {
  level: IndexLevel;
  onLevel: (level: IndexLevel) => void;
  year: number | undefined;
  years: number[];
  onYear: (year: number) => void;
  /** The page shown and the table's size. */
  data: LeaguePage | undefined;
  /** Page shown, from 0. */
  page: number;
  onPage: (page: number) => void;
  perPage: number;
  onPerPage: (perPage: number) => void;
  /** Every row of the table, read when an export asks for it. */
  allRows: () => Promise<LeagueRow[]>;
  isPending: boolean;
  /** The page shown is the previous one while the next loads. */
  isPaging: boolean;
  error: unknown;
  /** The signed-in head's own unit, marked in the table. */
  ownUnitId?: string | null;
}

export const LeagueTable = ({
  level,
  onLevel,
  year,
  years,
  onYear,
  data,
  page,
  onPage,
  perPage,
  onPerPage,
  allRows,
  isPending,
  isPaging,
  error,
  ownUnitId,
}: LeagueTableProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const navigate = useNavigate();
  const t = (key: string) => translate(`par.dashboard.league.${key}`);

  const controls = (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      <TextField
        select
        size="small"
        label={t('level')}
        value={level}
        onChange={(event) => onLevel(event.target.value as IndexLevel)}
        sx={{ minWidth: 140 }}
      >
        {enums.IndexLevel.map((value) => (
          <MenuItem key={value} value={value}>
            {translate(enumLabel('IndexLevel', value))}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        size="small"
        label={t('year')}
        value={year ?? ''}
        onChange={(event) => onYear(Number(event.target.value))}
        sx={{ minWidth: 100 }}
      >
        {years.map((value) => (
          <MenuItem key={value} value={value}>
            {value}
          </MenuItem>
        ))}
      </TextField>
      <ExportMenuButton
        disabled={!data || data.total === 0 || year === undefined}
        table={async (translateNow) => leagueExport(await allRows(), level, year ?? 0, translateNow)}
      />
    </Stack>
  );

  return (
    <Panel
      title="par.dashboard.league.title"
      subheader={t('help')}
      action={controls}
      isPending={isPending}
      error={error}
      span={12}
    >
      {data?.total === 0 ? (
        <Typography color="text.secondary">{t('empty')}</Typography>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('title')} aria-busy={isPaging} sx={{ opacity: isPaging ? 0.6 : 1 }}>
            <TableHead>
              <TableRow>
                <TableCell align="right">{t('rank')}</TableCell>
                <TableCell>{t('unit')}</TableCell>
                <TableCell align="right">{t('percent')}</TableCell>
                <TableCell align="right">{t('delta')}</TableCell>
                <TableCell>{t('weakest_field')}</TableCell>
                <TableCell align="right">{t('overdue')}</TableCell>
                <TableCell align="right">{t('open')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {(data?.rows ?? []).map((row) => (
                <TableRow
                  key={row.unit.id}
                  hover
                  selected={row.unit.id === ownUnitId}
                  onClick={() => navigate(unitTasksPath(row.unit.id))}
                  sx={{ cursor: 'pointer' }}
                  title={t('row_help')}
                >
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <MuiLink
                      component={Link}
                      to={listPath('indexResults', { level, year })}
                      onClick={stop}
                      underline="hover"
                      color="inherit"
                    >
                      {row.rank ?? '–'}/{row.rankOf}
                    </MuiLink>
                    <RankChange change={row.rankChange} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <MuiLink component={Link} to={unitTasksPath(row.unit.id)} onClick={stop}>
                      {row.unit.name}
                    </MuiLink>
                  </TableCell>
                  <TableCell align="right">
                    <MuiLink
                      component={Link}
                      to={showPath('indexResults', row.result.id)}
                      onClick={stop}
                      title={t('percent_help')}
                    >
                      {formatPercent(row.percent, locale)}
                    </MuiLink>
                  </TableCell>
                  <TableCell
                    align="right"
                    sx={{
                      color: (row.delta ?? 0) < 0 ? 'error.main' : (row.delta ?? 0) > 0 ? 'success.main' : undefined,
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {formatDelta(row.delta, locale)}
                  </TableCell>
                  <TableCell>
                    {row.weakestField && (
                      <MuiLink
                        component={Link}
                        to={showPath('indexResults', row.result.id)}
                        onClick={stop}
                        underline="hover"
                        color="inherit"
                        variant="body2"
                      >
                        {`${row.weakestField.code}. ${row.weakestField.name}`}
                        {row.weakestField.pointsLost !== null &&
                          ` (−${formatNumber(row.weakestField.pointsLost, locale)})`}
                      </MuiLink>
                    )}
                  </TableCell>
                  <TableCell align="right">
                    <MuiLink
                      component={Link}
                      to={unitTasksPath(row.unit.id, ['OVERDUE'])}
                      onClick={stop}
                      color={row.overdueTasks > 0 ? 'error' : 'inherit'}
                      sx={{ fontWeight: row.overdueTasks > 0 ? 'bold' : undefined }}
                    >
                      {row.overdueTasks}
                    </MuiLink>
                  </TableCell>
                  <TableCell align="right">
                    <MuiLink component={Link} to={unitTasksPath(row.unit.id, openTimeliness)} onClick={stop}>
                      {row.openTasks}
                    </MuiLink>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {data && data.total > 0 && (
        <TablePagination
          component="div"
          count={data.total}
          page={page}
          onPageChange={(_event, next) => onPage(next)}
          rowsPerPage={perPage}
          rowsPerPageOptions={leaguePageSizes}
          onRowsPerPageChange={(event) => onPerPage(Number(event.target.value))}
          // The lists' own labels (react-admin's messages), in the language chosen.
          labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
          labelDisplayedRows={({ from, to, count }) =>
            translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })
          }
          getItemAriaLabel={(type) => translate(`ra.navigation.${type}`)}
        />
      )}
    </Panel>
  );
};

// One unit's PAR index result: the index computed from its points beside the published one, its rank
// among peers, the change on the previous year, and the points per field, criterion and sub-criterion
// as a tree with what was lost and the change on the previous year's node of the same code.
import {
  Box,
  Link as MuiLink,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import {
  BooleanField,
  Labeled,
  Link,
  Show,
  TextField,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { DayField, DecimalField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';
import { ShowBody, ShowGrid, ShowSection } from '../common/ShowGrid';
import { formatNumber, formatPercent, showPath } from '../dashboard/format';
import { enumLabel } from '../enums';
import { DeltaText, IndexLevelField, type RankedResult } from './IndexResultFields';

interface NodeResult {
  code: string;
  name: string;
  maxPoints: number;
  points: number | null;
  percent: number | null;
  pointsLost: number | null;
  previousPoints: number | null;
  delta: number | null;
  node: { id: string; depth: number; method: string };
}

interface IndexResultRecord extends RankedResult {
  year: number;
  percent: number | null;
  publishedPercent: number | null;
  totalPoints: number;
  previous: { id: string; year: number; percent: number | null; publishedPercent: number | null } | null;
  nodes: NodeResult[];
}

/** One headline figure: a caption above a large value, with an optional line under it. */
const Figure = ({
  label,
  value,
  note,
  testId,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  testId: string;
}) => (
  <Paper variant="outlined" sx={{ px: 2, py: 1.5, minWidth: 160 }} data-testid={testId}>
    <Typography variant="caption" color="text.secondary" component="div">
      {label}
    </Typography>
    <Typography variant="h5" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {value}
    </Typography>
    {note && (
      <Typography variant="caption" color="text.secondary" component="div">
        {note}
      </Typography>
    )}
  </Paper>
);

/** The headline: index from points, published index, rank, previous year and the change. */
const Headline = () => {
  const record = useRecordContext<IndexResultRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const differs = record.computedRank !== null && record.rank !== null && record.computedRank !== record.rank;
  const previous = record.previous;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 3 }}>
      <Figure
        testId="index-percent"
        label={translate('par.scores.index')}
        value={formatPercent(record.percent, locale)}
      />
      <Figure
        testId="index-published"
        label={translate('par.scores.published')}
        value={formatPercent(record.publishedPercent, locale)}
      />
      <Figure
        testId="index-rank"
        label={translate('par.scores.rank')}
        value={
          record.rank === null
            ? '–'
            : record.rankOf === null
              ? String(record.rank)
              : translate('par.scores.rank_of', { rank: record.rank, of: record.rankOf })
        }
        note={differs ? translate('par.scores.computed_rank', { rank: record.computedRank }) : undefined}
      />
      <Figure
        testId="index-previous"
        label={translate('par.scores.previous', { year: previous?.year ?? record.year - 1 })}
        value={previous ? formatPercent(previous.publishedPercent ?? previous.percent, locale) : '–'}
        note={
          previous ? (
            <MuiLink component={Link} to={showPath('indexResults', previous.id)}>
              {translate('par.scores.open_previous', { year: previous.year })}
            </MuiLink>
          ) : (
            translate('par.scores.no_previous')
          )
        }
      />
      <Figure
        testId="index-delta"
        label={translate('par.scores.delta')}
        value={<DeltaText value={record.percentDelta} />}
        note={previous ? translate('par.scores.delta_unit', { year: previous.year }) : undefined}
      />
    </Box>
  );
};

const indent: Record<number, number> = { 1: 1, 2: 3, 3: 5 };

/** The scores as a tree: fields bold, criteria indented, sub-criteria further. */
const ScoresTable = () => {
  const record = useRecordContext<IndexResultRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const nodes = record.nodes ?? [];
  if (nodes.length === 0) return <Typography color="text.secondary">{translate('par.scores.empty')}</Typography>;
  const points = (value: number | null) => (value === null ? '–' : formatNumber(value, locale));
  const right = { align: 'right' as const, sx: { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } };
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('par.scores.table')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('par.scores.code')}</TableCell>
            <TableCell>{translate('par.scores.name')}</TableCell>
            <TableCell>{translate('par.scores.method')}</TableCell>
            <TableCell {...right}>{translate('par.scores.max_points')}</TableCell>
            <TableCell {...right}>{translate('par.scores.points')}</TableCell>
            <TableCell {...right}>{translate('par.scores.percent')}</TableCell>
            <TableCell {...right}>{translate('par.scores.points_lost')}</TableCell>
            <TableCell {...right}>{translate('par.scores.previous_points')}</TableCell>
            <TableCell {...right}>{translate('par.scores.node_delta')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {nodes.map((node) => {
            const depth = node.node.depth;
            const field = depth === 1;
            const weight = field ? 700 : undefined;
            return (
              <TableRow key={node.code} data-depth={depth} sx={field ? { backgroundColor: 'action.hover' } : undefined}>
                <TableCell sx={{ fontWeight: weight, whiteSpace: 'nowrap' }}>{node.code}</TableCell>
                <TableCell sx={{ fontWeight: weight, pl: indent[depth] ?? 5 }}>{node.name}</TableCell>
                <TableCell sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
                  {translate(enumLabel('ScoringMethod', node.node.method), { _: node.node.method })}
                </TableCell>
                <TableCell {...right} sx={{ ...right.sx, fontWeight: weight }}>
                  {formatNumber(node.maxPoints, locale)}
                </TableCell>
                <TableCell {...right} sx={{ ...right.sx, fontWeight: weight }}>
                  {points(node.points)}
                </TableCell>
                <TableCell {...right}>{formatPercent(node.percent, locale)}</TableCell>
                <TableCell {...right} sx={{ ...right.sx, color: node.pointsLost ? 'error.main' : undefined }}>
                  {points(node.pointsLost)}
                </TableCell>
                <TableCell {...right}>{points(node.previousPoints)}</TableCell>
                <TableCell {...right}>
                  <DeltaText value={node.delta} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const percent = { minimumFractionDigits: 2, maximumFractionDigits: 2 };

const IndexResultShow = () => (
  <Show>
    <ShowBody>
      <Headline />
      <ShowGrid>
        <Labeled source="unit">
          <ReferenceLink source="unit" reference="units" display="name" />
        </Labeled>
        <Labeled source="year">
          <TextField source="year" />
        </Labeled>
        <Labeled source="level">
          <IndexLevelField />
        </Labeled>
        <Labeled source="framework">
          <TextField source="framework.name" />
        </Labeled>
        <Labeled source="publishedOn">
          <DayField source="publishedOn" emptyText="—" />
        </Labeled>
        <Labeled source="totalPoints">
          <DecimalField source="totalPoints" options={percent} />
        </Labeled>
        <Labeled source="illustrative">
          <BooleanField source="illustrative" />
        </Labeled>
        <Labeled source="source">
          <TextField source="source" emptyText="—" />
        </Labeled>
      </ShowGrid>
      <ShowSection title="par.scores.table">
        <ScoresTable />
      </ShowSection>
    </ShowBody>
  </Show>
);

export default IndexResultShow;

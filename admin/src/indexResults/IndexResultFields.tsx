import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { formatDelta } from '../dashboard/format';

export const IndexLevelField = () => <EnumField source="framework.level" enumName="IndexLevel" />;

/** What the rank fields of a result hold (the API's rank, rankOf and computedRank). */
export interface RankedResult {
  id: string;
  rank: number | null;
  rankOf: number | null;
  computedRank: number | null;
  percentDelta: number | null;
}

/** "3/12": the published rank, else the one computed from the points; the computed one beside it when they differ. */
export const RankOfField = () => {
  const record = useRecordContext<RankedResult>();
  const translate = useTranslate();
  if (!record || record.rank === null) return null;
  const differs = record.computedRank !== null && record.computedRank !== record.rank;
  return (
    <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
      {record.rankOf === null ? record.rank : `${record.rank}/${record.rankOf}`}
      {differs && (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
          {translate('par.scores.computed_rank', { rank: record.computedRank })}
        </Typography>
      )}
    </Typography>
  );
};

/** The colour of a change: green up, red down, plain when it rounds to zero. */
export const deltaColor = (value: number | null | undefined, decimals = 2): string | undefined => {
  if (typeof value !== 'number' || Number(value.toFixed(decimals)) === 0) return undefined;
  return value > 0 ? 'success.main' : 'error.main';
};

/** A signed change, "+0,77" in green or "−0,13" in red. */
export const DeltaText = ({ value, suffix = '' }: { value: number | null | undefined; suffix?: string }) => {
  const [locale] = useLocaleState();
  return (
    <Typography
      variant="body2"
      component="span"
      sx={{ color: deltaColor(value), whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
    >
      {formatDelta(value, locale)}
      {typeof value === 'number' ? suffix : ''}
    </Typography>
  );
};

/** The change of the index on the previous year, in percentage points. */
export const PercentDeltaField = () => {
  const record = useRecordContext<RankedResult>();
  if (!record) return null;
  return <DeltaText value={record.percentDelta} />;
};

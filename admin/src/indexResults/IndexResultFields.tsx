import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { EnumField } from '../common/EnumField';

/** The published rank among peers, "1 / 12". */
export const RankField = () => {
  const record = useRecordContext<{ id: string; publishedRank: number | null; publishedOf: number | null }>();
  const translate = useTranslate();
  if (!record || record.publishedRank === null) return null;
  return (
    <Typography variant="body2" component="span">
      {record.publishedOf === null
        ? record.publishedRank
        : translate('par.index_result.rank_of', { rank: record.publishedRank, of: record.publishedOf })}
    </Typography>
  );
};

export const IndexLevelField = () => <EnumField source="framework.level" enumName="IndexLevel" />;

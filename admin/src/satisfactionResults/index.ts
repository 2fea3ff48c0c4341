import SatisfactionIcon from '@mui/icons-material/SentimentSatisfiedAltOutlined';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

export default {
  list: lazy(() => import('./SatisfactionResultList')),
  icon: SatisfactionIcon,
  recordRepresentation: (record: RaRecord) => `${record.unit?.name ?? ''} ${record.year} ${record.sector ?? ''}`,
};

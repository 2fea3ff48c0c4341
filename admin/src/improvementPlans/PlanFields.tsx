// Small fields the plan pages share: the status and the warning chip of a flagged plan.
import WarningIcon from '@mui/icons-material/WarningAmberOutlined';
import { Chip } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatPercent } from '../dashboard/format';
import { planStatuses, type PlanRecord } from './types';

type ChipColor = 'success' | 'error' | 'warning' | 'info' | 'default';

const statusColor: Record<string, ChipColor> = {
  DRAFT: 'default',
  SUBMITTED: 'info',
  RETURNED: 'warning',
  APPROVED: 'success',
};

export const planStatusChoices = planStatuses.map((value) => ({ id: value, name: `par.plans.statuses.${value}` }));

export const PlanStatusField = () => {
  const plan = useRecordContext<PlanRecord>();
  const translate = useTranslate();
  if (!plan) return null;
  return (
    <Chip
      size="small"
      sx={{ alignSelf: 'flex-start' }}
      color={statusColor[plan.status] ?? 'default'}
      label={translate(`par.plans.statuses.${plan.status}`, { _: plan.status })}
    />
  );
};

/** A warning chip on a plan the checks flag; nothing otherwise. */
export const PlanFlagField = () => {
  const plan = useRecordContext<PlanRecord>();
  const translate = useTranslate();
  if (!plan?.flagged) return null;
  return (
    <Chip
      size="small"
      sx={{ alignSelf: 'flex-start' }}
      color="warning"
      icon={<WarningIcon />}
      label={translate('par.plans.flagged_chip')}
    />
  );
};

/** A percent as the language writes it (86,50% or 86.50%). */
export const PercentText = ({ value }: { value: number | null | undefined }) => {
  const [locale] = useLocaleState();
  return <>{formatPercent(value, locale)}</>;
};

export const PlanTargetField = () => {
  const plan = useRecordContext<PlanRecord>();
  return plan ? <PercentText value={plan.targetPercent} /> : null;
};

export const PlanLastField = () => {
  const plan = useRecordContext<PlanRecord>();
  return plan ? <PercentText value={plan.comparison?.lastPercent} /> : null;
};

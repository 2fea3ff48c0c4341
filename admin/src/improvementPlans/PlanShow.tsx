// A plan's page: where it stands (unit, year, status, target against the last result, the committee's
// note), what the checks found (in the UI's language, from the check's code and node), target against
// last and actual points per field, the analysis, and the actions with the tasks that carry them out.
import CheckIcon from '@mui/icons-material/CheckCircleOutlined';
import CloseIcon from '@mui/icons-material/HighlightOffOutlined';
import {
  Alert,
  AlertTitle,
  Box,
  Chip,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { MouseEvent } from 'react';
import {
  Labeled,
  Link,
  Show,
  TextField,
  useCreatePath,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { InstantField } from '../common/LocaleFields';
import { ReferenceLink } from '../common/ReferenceLink';
import { ShowBody, ShowGrid, ShowSection } from '../common/ShowGrid';
import { formatNumber, formatPercent } from '../dashboard/format';
import { checkText, nodeLabel } from './checkText';
import { PlanActions } from './PlanActions';
import { PercentText, PlanFlagField, PlanStatusField, PlanTargetField } from './PlanFields';
import type { PlanRecord } from './types';

const PlanChecks = () => {
  const plan = useRecordContext<PlanRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!plan) return null;
  const checks = plan.checks ?? [];
  if (checks.length === 0) {
    return (
      <Alert severity="success" sx={{ mb: 2 }}>
        {translate('par.plans.checks_passed')}
      </Alert>
    );
  }
  return (
    <Alert severity="warning" sx={{ mb: 2 }} role="region" aria-label={translate('par.plans.checks_title')}>
      <AlertTitle>{translate('par.plans.checks_title')}</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {checks.map((check) => (
          <li key={`${check.code}-${check.node?.id ?? ''}`} title={check.message}>
            {checkText(check, plan, translate, locale)}
          </li>
        ))}
      </Box>
    </Alert>
  );
};

const ReviewNote = () => {
  const plan = useRecordContext<PlanRecord>();
  const translate = useTranslate();
  if (!plan?.reviewNote) return null;
  const severity = plan.status === 'RETURNED' ? 'warning' : plan.status === 'APPROVED' ? 'success' : 'info';
  return (
    <Alert severity={severity} sx={{ mb: 2 }}>
      <AlertTitle>{translate('par.plans.review_note')}</AlertTitle>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-line' }}>
        {plan.reviewNote}
      </Typography>
    </Alert>
  );
};

const Met = ({ met }: { met: boolean | null | undefined }) => {
  const translate = useTranslate();
  if (met == null) return <>–</>;
  return met ? (
    <Chip size="small" color="success" variant="outlined" icon={<CheckIcon />} label={translate('par.plans.met')} />
  ) : (
    <Chip size="small" color="error" variant="outlined" icon={<CloseIcon />} label={translate('par.plans.not_met')} />
  );
};

/** Per top-level field: most points, last result, target, actual (once the year's scores exist), met. */
const FieldTable = () => {
  const plan = useRecordContext<PlanRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!plan) return null;
  const fields = plan.comparison.fields ?? [];
  const points = (value: number | null | undefined) => (value == null ? '–' : formatNumber(value, locale));
  const weak = new Set(
    (plan.checks ?? [])
      .filter((check) => check.code === 'WEAKEST_FIELD_WITHOUT_ACTION')
      .map((check) => check.node?.code ?? ''),
  );
  const hasActual = plan.comparison.actualPercent != null || fields.some((field) => field.actualPoints != null);
  if (fields.length === 0) {
    return <Typography color="text.secondary">{translate('par.plans.no_fields')}</Typography>;
  }
  return (
    <>
      {!hasActual && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('par.plans.actual_pending', { year: plan.year })}
        </Typography>
      )}
      <Table size="small" aria-label={translate('par.plans.fields_title')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('par.plans.field')}</TableCell>
            <TableCell align="right">{translate('par.plans.max_points')}</TableCell>
            <TableCell align="right">{translate('par.plans.last_points')}</TableCell>
            <TableCell align="right">{translate('par.plans.target_points')}</TableCell>
            <TableCell align="right">{translate('par.plans.actual_points')}</TableCell>
            <TableCell>{translate('par.plans.met_header')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {fields.map((field) => (
            <TableRow key={field.code} selected={weak.has(field.code)}>
              <TableCell>
                {field.code}. {field.name}
              </TableCell>
              <TableCell align="right">{points(field.maxPoints)}</TableCell>
              <TableCell align="right">{points(field.lastPoints)}</TableCell>
              <TableCell align="right">{points(field.targetPoints)}</TableCell>
              <TableCell align="right">{points(field.actualPoints)}</TableCell>
              <TableCell>
                <Met met={field.met} />
              </TableCell>
            </TableRow>
          ))}
          <TableRow>
            <TableCell sx={{ fontWeight: 'bold' }}>{translate('par.plans.total_percent')}</TableCell>
            <TableCell align="right">100%</TableCell>
            <TableCell align="right">{formatPercent(plan.comparison.lastPercent, locale)}</TableCell>
            <TableCell align="right">{formatPercent(plan.targetPercent, locale)}</TableCell>
            <TableCell align="right">{formatPercent(plan.comparison.actualPercent, locale)}</TableCell>
            <TableCell>
              <Met met={plan.comparison.met} />
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
    </>
  );
};

const PlanActionList = () => {
  const plan = useRecordContext<PlanRecord>();
  const translate = useTranslate();
  const createPath = useCreatePath();
  if (!plan) return null;
  const actions = plan.actions ?? [];
  if (actions.length === 0) {
    return <Typography color="text.secondary">{translate('par.plans.no_actions')}</Typography>;
  }
  return (
    <Table size="small" aria-label={translate('par.plans.actions_title')}>
      <TableHead>
        <TableRow>
          <TableCell>#</TableCell>
          <TableCell>{translate('par.plans.action')}</TableCell>
          <TableCell>{translate('par.plans.action_node')}</TableCell>
          <TableCell>{translate('par.plans.action_tasks')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {actions.map((action, index) => (
          <TableRow key={action.id}>
            <TableCell>{index + 1}</TableCell>
            <TableCell>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {action.title}
              </Typography>
              {action.description && (
                <Typography variant="body2" color="text.secondary">
                  {action.description}
                </Typography>
              )}
            </TableCell>
            <TableCell>{action.node ? nodeLabel(action.node) : '–'}</TableCell>
            <TableCell>
              <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {action.tasks.map((task) => (
                  <Chip
                    key={task.id}
                    size="small"
                    clickable
                    component={Link}
                    to={createPath({ resource: 'tasks', id: task.id, type: 'show' })}
                    onClick={(e: MouseEvent) => e.stopPropagation()}
                    label={task.title}
                  />
                ))}
              </Stack>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const BaselineField = () => {
  const plan = useRecordContext<PlanRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const createPath = useCreatePath();
  if (!plan?.baseline) return <>{translate('par.plans.no_baseline')}</>;
  return (
    <Link to={createPath({ resource: 'indexResults', id: plan.baseline.id, type: 'show' })}>
      {translate('par.plans.baseline_value', {
        percent: formatPercent(plan.comparison.lastPercent, locale),
        year: plan.baseline.year,
      })}
    </Link>
  );
};

const PlanDetails = () => {
  const plan = useRecordContext<PlanRecord>();
  const translate = useTranslate();
  if (!plan) return null;
  return (
    <ShowBody>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }} useFlexGap>
        <Typography variant="h5" component="h2">
          {translate('par.plans.heading', { unit: plan.unit.name, year: plan.year })}
        </Typography>
        <PlanStatusField />
        <PlanFlagField />
      </Stack>
      <ShowGrid>
        <Labeled source="unit">
          <ReferenceLink source="unit" reference="units" display="name" />
        </Labeled>
        <Labeled source="year">
          <TextField source="year" />
        </Labeled>
        <Labeled source="status">
          <PlanStatusField />
        </Labeled>
        <Labeled source="targetPercent">
          <PlanTargetField />
        </Labeled>
        <Labeled source="baseline" label="par.plans.last_percent">
          <BaselineField />
        </Labeled>
        {plan.comparison.actualPercent != null && (
          <Labeled source="comparison.actualPercent" label="par.plans.actual_percent">
            <PercentText value={plan.comparison.actualPercent} />
          </Labeled>
        )}
        {plan.approvedAt && (
          <Labeled source="approvedAt">
            <InstantField source="approvedAt" />
          </Labeled>
        )}
        {plan.approvedBy && (
          <Labeled source="approvedBy">
            <TextField source="approvedBy.displayName" />
          </Labeled>
        )}
        <Labeled source="updatedAt">
          <InstantField source="updatedAt" />
        </Labeled>
      </ShowGrid>
      <ReviewNote />
      <PlanChecks />
      <Divider />
      <ShowSection title="par.plans.fields_title">
        <FieldTable />
      </ShowSection>
      <ShowSection title="resources.improvementPlans.fields.analysis">
        <Typography
          variant="body1"
          sx={{ whiteSpace: 'pre-line' }}
          color={plan.analysis ? undefined : 'text.secondary'}
        >
          {plan.analysis || '–'}
        </Typography>
      </ShowSection>
      <ShowSection title="par.plans.actions_title">
        <PlanActionList />
      </ShowSection>
    </ShowBody>
  );
};

const PlanShow = () => (
  <Show actions={<PlanActions />}>
    <PlanDetails />
  </Show>
);

export default PlanShow;

// Improvement plans the checks flag (a plan that does not aim above the last result, a weak field
// without an action...), the latest ones with the reasons; each opens the plan.
import { Link as MuiLink, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useLocaleState, useResourceDefinitions, useTranslate } from 'react-admin';
import { checkText } from '../improvementPlans/checkText';
import type { PlansSummary } from './api';
import { formatPercent, showPath } from './format';
import { Panel } from './Panel';

export const PlansPanel = ({
  data,
  isPending,
  error,
}: {
  data: PlansSummary | undefined;
  isPending: boolean;
  error: unknown;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // The plan's own page when the UI has one, the unit's otherwise.
  const plansPage = useResourceDefinitions().improvementPlans?.hasShow === true;
  const flagged = data?.plans ?? [];
  return (
    <Panel
      title="par.dashboard.plans.title"
      subheader={
        data ? translate('par.dashboard.plans.count', { flagged: data.flagged, total: data.total }) : undefined
      }
      isPending={isPending}
      error={error}
      span={7}
    >
      {flagged.length === 0 ? (
        <Typography color="text.secondary">{translate('par.dashboard.plans.none')}</Typography>
      ) : (
        <List dense disablePadding>
          {flagged.map((plan) => (
            <ListItem key={plan.id} disableGutters alignItems="flex-start">
              <ListItemText
                primary={
                  <MuiLink
                    component={Link}
                    to={plansPage ? showPath('improvementPlans', plan.id) : showPath('units', plan.unit.id)}
                  >
                    {translate('par.dashboard.plans.plan', {
                      unit: plan.unit.name,
                      year: plan.year,
                      target: formatPercent(plan.targetPercent, locale),
                    })}
                  </MuiLink>
                }
                secondary={
                  <Typography component="ul" variant="body2" color="text.secondary" sx={{ m: 0, pl: 2 }}>
                    {plan.checks.map((check) => (
                      // The API's own words (English, with the numbers) on hover.
                      <li key={`${check.code}-${check.node?.id ?? ''}`} title={check.message}>
                        {checkText(check, plan, translate, locale)}
                      </li>
                    ))}
                  </Typography>
                }
                slotProps={{ secondary: { component: 'div' } }}
              />
            </ListItem>
          ))}
        </List>
      )}
    </Panel>
  );
};

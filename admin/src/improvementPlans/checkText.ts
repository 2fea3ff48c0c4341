// A plan check's reason in the UI's language, from its code and node; the API's own words (English, with
// the numbers) when the code is unknown. Shared by the plan page and the dashboard's flagged plans.
import type { TranslateFunction } from 'react-admin';
import { formatNumber, formatPercent } from '../dashboard/format';
import type { PlanCheck, PlanFieldComparison } from './types';

export const nodeLabel = (node: { code: string; name: string } | null | undefined) =>
  node ? `${node.code}. ${node.name}` : '';

/** What of a plan a reason quotes: its target, the last result and, when loaded, the fields' points. */
export interface CheckedPlan {
  targetPercent: number;
  comparison: {
    lastPercent: number | null;
    fields?: Pick<PlanFieldComparison, 'code' | 'targetPoints' | 'lastPoints'>[] | null;
  };
}

export function checkText(
  check: Pick<PlanCheck, 'code' | 'message' | 'node'>,
  plan: CheckedPlan,
  translate: TranslateFunction,
  locale: string,
): string {
  const field = check.node ? plan.comparison.fields?.find((candidate) => candidate.code === check.node?.code) : null;
  const key =
    check.code === 'FIELD_TARGET_BELOW_LAST_RESULT' && field?.targetPoints != null && field.lastPoints != null
      ? 'par.plans.checks.FIELD_TARGET_BELOW_LAST_RESULT_POINTS'
      : `par.plans.checks.${check.code}`;
  return translate(key, {
    _: check.message,
    node: nodeLabel(check.node),
    target: formatPercent(plan.targetPercent, locale),
    last: formatPercent(plan.comparison.lastPercent, locale),
    target_points: field?.targetPoints != null ? formatNumber(field.targetPoints, locale) : '',
    last_points: field?.lastPoints != null ? formatNumber(field.lastPoints, locale) : '',
  });
}

// An improvement plan as its pages read it, and what the signed-in account may do with it. The API has
// no `allowedActions` for plans: the rules below repeat api/services/plans.ts (planRules, planPartyOf)
// so that the page offers only what the server would accept; the server remains the judge.
import type { Viewer } from '../access';

export const planStatuses = ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const planCheckCodes = [
  'NOT_ABOVE_LAST_RESULT',
  'WEAKEST_FIELD_WITHOUT_ACTION',
  'FIELD_TARGET_BELOW_LAST_RESULT',
  'NO_BASELINE',
] as const;

export interface NodeRef {
  id: string;
  code: string;
  name: string;
}

export interface PlanCheck {
  code: string;
  message: string;
  node: NodeRef | null;
}

export interface PlanFieldComparison {
  code: string;
  name: string;
  maxPoints: number;
  lastPoints: number | null;
  targetPoints: number | null;
  actualPoints: number | null;
  met: boolean | null;
  node: { id: string };
}

export interface PlanRecord {
  id: string;
  year: number;
  status: PlanStatus;
  version: number;
  targetPercent: number;
  flagged: boolean;
  analysis?: string | null;
  reviewNote?: string | null;
  approvedAt?: string | null;
  approvedBy?: { id: string; displayName: string } | null;
  unit: { id: string; name: string; kind?: string };
  baseline?: {
    id: string;
    year: number;
    percent: number | null;
    publishedPercent: number | null;
    framework: { id: string; year: number; level: string };
  } | null;
  checks?: PlanCheck[];
  comparison: {
    lastPercent: number | null;
    targetPercent?: number;
    actualPercent?: number | null;
    met?: boolean | null;
    fields?: PlanFieldComparison[];
  };
  targets?: { id: string; targetPoints: number; node: NodeRef & { depth: number; maxPoints: number } }[];
  actions?: {
    id: string;
    title: string;
    description: string | null;
    sortOrder: number;
    node: NodeRef | null;
    tasks: { id: string; title: string; status: string }[];
  }[];
}

export type PlanAction = 'EDIT' | 'SUBMIT' | 'APPROVE' | 'RETURN';
type PlanParty = 'ADMIN' | 'COMMITTEE' | 'UNIT_HEAD' | 'OTHER';

const withTheUnit: readonly string[] = ['DRAFT', 'RETURNED'];
const planRules: Record<PlanAction, { parties: readonly PlanParty[]; from: readonly string[] }> = {
  EDIT: { parties: ['ADMIN', 'UNIT_HEAD'], from: withTheUnit },
  SUBMIT: { parties: ['ADMIN', 'UNIT_HEAD'], from: withTheUnit },
  APPROVE: { parties: ['ADMIN', 'COMMITTEE'], from: ['SUBMITTED'] },
  RETURN: { parties: ['ADMIN', 'COMMITTEE'], from: ['SUBMITTED'] },
};

type ViewerFacts = Pick<Viewer, 'role' | 'unit'>;

function partyOf(viewer: ViewerFacts, unitId: string | undefined): PlanParty {
  if (viewer.role === 'ADMIN') return 'ADMIN';
  if (viewer.role === 'COMMITTEE') return 'COMMITTEE';
  if (viewer.role === 'UNIT_HEAD' && viewer.unit && viewer.unit.id === unitId) return 'UNIT_HEAD';
  return 'OTHER';
}

const unitIdOf = (plan: Record<string, unknown>): string | undefined => {
  const unit = plan.unit as { id?: unknown } | undefined;
  return typeof unit?.id === 'string' ? unit.id : undefined;
};

/** The steps the viewer may take on the plan as it stands. */
export function allowedPlanActions(viewer: ViewerFacts, plan: Record<string, unknown>): Set<PlanAction> {
  const party = partyOf(viewer, unitIdOf(plan));
  const status = String(plan.status);
  return new Set(
    (Object.keys(planRules) as PlanAction[]).filter(
      (action) => planRules[action].parties.includes(party) && planRules[action].from.includes(status),
    ),
  );
}

/** The secretariat drafts for any unit, a unit head for their own. */
export const mayDraftPlans = (viewer: ViewerFacts) =>
  viewer.role === 'ADMIN' || (viewer.role === 'UNIT_HEAD' && viewer.unit !== null);

/** What access.ts answers for the plans' create and edit pages. */
export function planAccess(viewer: ViewerFacts, action: string, record?: Record<string, unknown>): boolean {
  if (action === 'create') return mayDraftPlans(viewer);
  if (action === 'edit') return record ? allowedPlanActions(viewer, record).has('EDIT') : mayDraftPlans(viewer);
  return false;
}

/** The index level a unit of this kind is scored at (api/services/plans.ts, levelOfUnitKind). */
export function levelOfUnitKind(kind: string | undefined): string | null {
  const levels: Record<string, string> = {
    DISTRICT: 'DISTRICT',
    AGENCY: 'AGENCY',
    COMMUNE: 'COMMUNE',
    TOWNSHIP: 'COMMUNE',
  };
  return kind ? (levels[kind] ?? null) : null;
}

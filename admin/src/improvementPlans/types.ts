// An improvement plan as its pages read it (resources.ts), with what the signed-in account may do with
// it as the API's `allowedActions` says, so that the page offers only what the server would accept.

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
  /** What the signed-in account may do to the plan now, from the API. */
  allowedActions?: PlanAction[];
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

/** The steps on a plan, as the API's PlanAction enum names them. */
export type PlanAction = 'EDIT' | 'SUBMIT' | 'APPROVE' | 'RETURN';

/** The steps the signed-in account may take on the plan now; none until the plan has loaded. */
export function allowedPlanActions(plan: Pick<PlanRecord, 'allowedActions'> | undefined): ReadonlySet<PlanAction> {
  return new Set(plan?.allowedActions ?? []);
}

/** The index level a unit of this kind is scored at (api/services/improvement-plan.ts, levelOfUnitKind). */
export function levelOfUnitKind(kind: string | undefined): string | null {
  const levels: Record<string, string> = {
    DISTRICT: 'DISTRICT',
    AGENCY: 'AGENCY',
    COMMUNE: 'COMMUNE',
    TOWNSHIP: 'COMMUNE',
  };
  return kind ? (levels[kind] ?? null) : null;
}

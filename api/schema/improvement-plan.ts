import { z } from 'zod';
import { PlanStatus, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import { listSize } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import type { Context } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { inputBounds } from '../input-bounds.ts';
import type { FieldComparison, PlanCheck, PlanComparisonValue } from '../services/plan-checks.ts';
import { loadPlanValues, type PlanValues } from '../services/plan-values.ts';
import { requestLoader } from '../loaders.ts';
import { runMutation } from '../services/mutation.ts';
import {
  allowedPlanActions,
  approvePlan,
  createPlan,
  planRules,
  returnPlan,
  submitPlan,
  updatePlan,
  type PlanActionInput,
  type PlanContent,
  type PlanStep,
  type PlanTargetInput,
} from '../services/improvement-plan.ts';
import { rolesFor } from './access.ts';
import {
  IDFilter,
  decodeId,
  decodeOptionalId,
  IntFilter,
  enumFilter,
  enumWhere,
  idWhere,
  logicalFields,
  logicalWhere,
  rangeWhere,
  type EnumFilterValue,
  type IdFilterValue,
  type Logical,
  type RangeFilterValue,
} from './filters.ts';
import { countBesidePage, offsetArgOptions, orderInput, withOffset } from './lists.ts';
import { decimalInput, notNull, optionalText, percentInput, requiredText, yearInput } from './validation.ts';

export const PlanStatusEnum = builder.enumType(PlanStatus, {
  name: 'PlanStatus',
  description:
    'Where an improvement plan stands: drafted by the unit, submitted, approved or returned by the committee.',
});

/** A plan's checks and comparison, loaded with the other plans of the request in a few queries. */
async function planValuesOf(ctx: Context, id: number): Promise<PlanValues> {
  const load = requestLoader<number, PlanValues>(ctx, 'planValues', (ids) => loadPlanValues(ctx, ids));
  const values = await load(id);
  if (!values) throw new NotFoundError('ImprovementPlan', `ImprovementPlan:${id}`);
  return values;
}

type RowQuery = Record<string, unknown>;

/** Index results by id with the selection the sibling fields ask for: one query per selection. */
function indexResultById(ctx: Context, query: RowQuery, id: number) {
  return requestLoader(ctx, `indexResultRows:${JSON.stringify(query)}`, async (ids: number[]) => {
    const rows = await ctx.prisma.indexResult.findMany({ ...query, where: { id: { in: ids } } });
    return new Map(rows.map((row) => [row.id, row]));
  })(id);
}

/** Index nodes by id with the selection the sibling fields ask for: one query per selection. */
function indexNodeById(ctx: Context, query: RowQuery, id: number) {
  return requestLoader(ctx, `indexNodeRows:${JSON.stringify(query)}`, async (ids: number[]) => {
    const rows = await ctx.prisma.indexNode.findMany({ ...query, where: { id: { in: ids } } });
    return new Map(rows.map((row) => [row.id, row]));
  })(id);
}

export const PlanCheckCodeEnum = builder.enumType('PlanCheckCode', {
  description: "A problem of an improvement plan found by checking it against the unit's last PAR index result.",
  values: {
    NOT_ABOVE_LAST_RESULT: { description: 'The total aimed at is not above the last result in percent.' },
    WEAKEST_FIELD_WITHOUT_ACTION: {
      description:
        'One of the weakest fields of the last result has no action aimed at it (or at a criterion under it). The weakest fields are the three top-level fields with the lowest share of their maximum points, ties with the third included, leaving out fields at full marks.',
    },
    FIELD_TARGET_BELOW_LAST_RESULT: { description: 'A node aims at fewer points than it scored last time.' },
    NO_BASELINE: { description: 'The unit has no earlier result (or no total) to check the plan against.' },
  } as const,
});

const PlanCheckRef = builder.objectRef<PlanCheck>('PlanCheck').implement({
  description: "A problem of a plan found by checking it against the unit's last result.",
  fields: (t) => ({
    code: t.expose('code', { type: PlanCheckCodeEnum, description: 'What kind of problem.' }),
    node: t.prismaField({
      type: 'IndexNode',
      nullable: true,
      description: 'The node of the last result the problem is about, if any.',
      resolve: async (query, check, _args, ctx) =>
        check.nodeId === null ? null : ((await indexNodeById(ctx, query, check.nodeId)) ?? null),
    }),
    message: t.exposeString('message', { description: 'The problem in words, with the numbers.' }),
  }),
});

const PlanFieldComparisonRef = builder.objectRef<FieldComparison>('PlanFieldComparison').implement({
  description: 'A top-level field of the index: points last time, aimed at, and reached in the plan year.',
  fields: (t) => ({
    node: t.prismaField({
      type: 'IndexNode',
      description: "The field: of the plan year's result once it exists, else of the last result.",
      resolve: async (query, row, _args, ctx) => {
        const node = await indexNodeById(ctx, query, row.node.id);
        if (!node) throw new NotFoundError('IndexNode', `IndexNode:${row.node.id}`);
        return node;
      },
    }),
    code: t.string({ description: 'Dotted code of the field, e.g. "7".', resolve: (row) => row.node.code }),
    name: t.string({ description: 'Name of the field.', resolve: (row) => row.node.name }),
    maxPoints: t.float({ description: 'The most points the field gives.', resolve: (row) => row.node.maxPoints }),
    lastPoints: t.exposeFloat('lastPoints', { nullable: true, description: 'Points scored in the last result.' }),
    targetPoints: t.exposeFloat('targetPoints', { nullable: true, description: 'Points the plan aims at.' }),
    actualPoints: t.exposeFloat('actualPoints', {
      nullable: true,
      description: "Points scored in the plan year's result, once it exists.",
    }),
    met: t.exposeBoolean('met', {
      nullable: true,
      description: 'Whether the actual points reach the target points; null until both are known.',
    }),
  }),
});

const PlanComparisonRef = builder.objectRef<PlanComparisonValue>('PlanComparison').implement({
  description: "A plan against the last result and, once it exists, the plan year's result.",
  fields: (t) => ({
    lastPercent: t.exposeFloat('lastPercent', {
      nullable: true,
      description: 'The last result in percent (published, else computed).',
    }),
    targetPercent: t.exposeFloat('targetPercent', { description: 'The total the plan aims at, in percent.' }),
    actualPercent: t.exposeFloat('actualPercent', {
      nullable: true,
      description: "The plan year's result in percent, once it exists.",
    }),
    met: t.exposeBoolean('met', {
      nullable: true,
      description: 'Whether the actual percent reaches the target; null until the result exists.',
    }),
    fields: t.field({
      type: [PlanFieldComparisonRef],
      extensions: listSize(sizes.frameworkFields),
      description: 'Per top-level field, in code order.',
      resolve: (c) => c.fields,
    }),
  }),
});

const planStepDescriptions: Record<PlanStep, string> = {
  EDIT: 'Change the target, analysis, targets or actions (updateImprovementPlan).',
  SUBMIT: 'Submit the plan for review (submitImprovementPlan).',
  APPROVE: 'Approve the submitted plan (approveImprovementPlan).',
  RETURN: 'Return the submitted plan to the unit with a reason (returnImprovementPlan).',
};

export const PlanActionEnum = builder.enumType('PlanAction', {
  description:
    "Something a signed-in account may do to an improvement plan, as allowed by its role, its unit and the plan's status.",
  values: Object.fromEntries(
    Object.entries(planStepDescriptions).map(([value, description]) => [value, { value, description }]),
  ) as Record<PlanStep, { value: PlanStep; description: string }>,
});

export const ImprovementPlanRef = builder.prismaNode('ImprovementPlan', {
  id: { field: 'id' },
  description:
    "A unit's plan (kế hoạch nâng cao chỉ số) to lift its PAR index in a year above the last result: targets per field and actions carried out through tasks.",
  fields: (t) => ({
    unit: t.relation('unit'),
    year: t.exposeInt('year', { description: 'The year whose index the plan aims to lift.' }),
    targetPercent: t.float({
      description: 'The total aimed at, in percent.',
      select: { targetPercent: true },
      resolve: (p) => p.targetPercent.toNumber(),
    }),
    analysis: t.exposeString('analysis', { nullable: true, description: 'Where points were lost last time, and why.' }),
    status: t.expose('status', { type: PlanStatusEnum }),
    allowedActions: t.field({
      type: [PlanActionEnum],
      description: 'What the signed-in account may do to the plan now; the server enforces the same rules.',
      extensions: listSize(Object.keys(planStepDescriptions).length),
      select: { status: true, unitId: true },
      resolve: (plan, _args, ctx) => allowedPlanActions(ctx.viewer, plan),
    }),
    reviewNote: t.exposeString('reviewNote', {
      nullable: true,
      description: "The committee's note with the last approval or return, shown to the unit.",
    }),
    version: t.exposeInt('version'),
    approvedBy: t.relation('approvedBy', { nullable: true }),
    approvedAt: t.expose('approvedAt', { type: 'DateTime', nullable: true }),
    illustrative: t.exposeBoolean('illustrative'),
    targets: t.relation('targets', {
      query: { orderBy: { node: { code: 'asc' } } },
      extensions: listSize(sizes.planTargets),
    }),
    baseline: t.prismaField({
      type: 'IndexResult',
      nullable: true,
      description: "The result the plan is checked against: the unit's latest PAR index result before the plan year.",
      resolve: async (query, plan, _args, ctx) => {
        const { baselineResultId } = await planValuesOf(ctx, plan.id);
        return baselineResultId === null ? null : ((await indexResultById(ctx, query, baselineResultId)) ?? null);
      },
    }),
    checks: t.field({
      type: [PlanCheckRef],
      extensions: listSize(sizes.planChecks),
      description:
        'Problems found by checking the plan against the last result: a total not above it, weakest fields without an action, nodes aimed below their last points, or no last result at all. Empty when the plan passes.',
      resolve: async (plan, _args, ctx) => (await planValuesOf(ctx, plan.id)).checks,
    }),
    flagged: t.boolean({
      description: 'True when the checks found a problem.',
      resolve: async (plan, _args, ctx) => (await planValuesOf(ctx, plan.id)).checks.length > 0,
    }),
    comparison: t.field({
      type: PlanComparisonRef,
      description:
        "Target versus last result and (once the plan year's scores exist) actual result, in total and per field.",
      resolve: async (plan, _args, ctx) => (await planValuesOf(ctx, plan.id)).comparison,
    }),
    actions: t.relation('actions', {
      query: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] },
      extensions: listSize(sizes.planActions),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

export const ImprovementPlanTargetRef = builder.prismaNode('ImprovementPlanTarget', {
  id: { field: 'id' },
  description: 'Points a plan aims at on one index node.',
  fields: (t) => ({
    plan: t.relation('plan'),
    node: t.relation('node'),
    targetPoints: t.float({
      description: "Points aimed at, within the node's maximum.",
      select: { targetPoints: true },
      resolve: (p) => p.targetPoints.toNumber(),
    }),
  }),
});

export const ImprovementActionRef = builder.prismaNode('ImprovementAction', {
  id: { field: 'id' },
  description: 'An action of an improvement plan, aimed at an index node and carried out through tasks.',
  fields: (t) => ({
    plan: t.relation('plan'),
    node: t.relation('node', { nullable: true }),
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    sortOrder: t.exposeInt('sortOrder'),
    tasks: t.relation('tasks', {
      query: { orderBy: [{ deadline: 'asc' }, { id: 'asc' }] },
      extensions: listSize(sizes.actionTasks),
    }),
  }),
});

interface ImprovementPlanFilterValue extends Logical<ImprovementPlanFilterValue> {
  unit?: IdFilterValue | null;
  year?: RangeFilterValue<number> | null;
  status?: EnumFilterValue<PlanStatus> | null;
  flagged?: boolean | null;
}

const PlanStatusFilter = enumFilter<PlanStatus>('PlanStatusFilter', PlanStatusEnum, 'Matches plan statuses.');

export const ImprovementPlanFilter = builder.inputRef<ImprovementPlanFilterValue>('ImprovementPlanFilter').implement({
  description: 'Selects improvement plans.',
  fields: (t) => ({
    unit: t.field({ type: IDFilter }),
    year: t.field({ type: IntFilter }),
    status: t.field({ type: PlanStatusFilter }),
    flagged: t.boolean({
      description: 'Plans whose checks found a problem (true) or none (false); computed, not stored.',
    }),
    ...logicalFields(t, ImprovementPlanFilter),
  }),
});

function usesFlagged(filter: ImprovementPlanFilterValue | null | undefined): boolean {
  if (!filter) return false;
  return (
    filter.flagged != null ||
    (filter.AND ?? []).some(usesFlagged) ||
    (filter.OR ?? []).some(usesFlagged) ||
    usesFlagged(filter.NOT)
  );
}

/** The where clause of a plan filter; `flagged` checks every plan first (a fixed number of queries). */
async function planWhere(
  ctx: Context,
  filter: ImprovementPlanFilterValue | null | undefined,
): Promise<Prisma.ImprovementPlanWhereInput | undefined> {
  let flaggedIds: number[] = [];
  if (usesFlagged(filter)) {
    // Once per request, though the list's page and its total count both ask.
    const load = requestLoader<'all', number[]>(ctx, 'flaggedPlanIds', async () => {
      const all = [...(await loadPlanValues(ctx, 'all')).values()];
      return new Map([['all', all.filter((values) => values.checks.length > 0).map((values) => values.id)]]);
    });
    flaggedIds = (await load('all')) ?? [];
  }
  return logicalWhere(filter, (f): Prisma.ImprovementPlanWhereInput => ({
    ...(f.flagged != null && { id: f.flagged ? { in: flaggedIds } : { notIn: flaggedIds } }),
    ...(f.unit && { unitId: idWhere(f.unit, 'Unit', 'filter.unit') }),
    ...(f.year && { year: rangeWhere(f.year) }),
    ...(f.status && { status: enumWhere(f.status) }),
  }));
}

const ImprovementPlanOrder = orderInput<Prisma.ImprovementPlanOrderByWithRelationInput>()('ImprovementPlan', {
  YEAR: { description: 'Year.', orderBy: (d) => ({ year: d }) },
  UNIT: { description: 'Unit name.', orderBy: (d) => ({ unit: { name: d } }) },
  STATUS: { description: 'Status.', orderBy: (d) => ({ status: d }) },
});

const improvementPlansCount = countBesidePage(async (args: { filter?: Parameters<typeof planWhere>[1] }, ctx) =>
  ctx.prisma.improvementPlan.count({ where: await planWhere(ctx, args.filter) }),
);

builder.queryField('improvementPlans', (t) =>
  t.prismaConnection({
    type: 'ImprovementPlan',
    cursor: 'id',
    description: 'Improvement plans, latest year first unless told otherwise.',
    args: {
      filter: t.arg({ type: ImprovementPlanFilter }),
      orderBy: t.arg({ type: [ImprovementPlanOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: improvementPlansCount.totalCount,
    resolve: async (query, _parent, args, ctx, info) => {
      improvementPlansCount.start(args, ctx, info);
      return ctx.prisma.improvementPlan.findMany({
        ...withOffset(query, args),
        where: await planWhere(ctx, args.filter),
        orderBy: ImprovementPlanOrder.toOrderBy(
          args.orderBy ?? [{ field: 'YEAR', direction: 'desc' }, { field: 'UNIT' }],
        ),
      });
    },
  }),
);

// ---------------------------------------------------------------- drafting, review and versioned updates

/** A framework has a few hundred nodes; a plan may aim at more of them than the general list bound. */
const planTargetsMax = 200;

const planInputFields = {
  targetPercent: percentInput,
  analysis: optionalText(10_000),
  targets: z.array(z.unknown()).max(planTargetsMax, `At most ${planTargetsMax} targets`),
  actions: z.array(z.unknown()).max(100, 'At most 100 actions'),
  targetPoints: decimalInput(0, 9999.99),
  title: requiredText(500),
  description: optionalText(10_000),
  taskIds: z.array(z.string()).max(50, 'At most 50 tasks per action'),
};

export const ImprovementPlanTargetInput = builder.inputType('ImprovementPlanTargetInput', {
  description: 'Points a plan aims at on one index node; each node at most once per plan.',
  fields: (t) => ({
    nodeId: t.id({
      required: true,
      description: "Global id of the index node, from the framework of the plan's year and the unit's level.",
    }),
    targetPoints: t.float({
      required: true,
      description: "Points aimed at, from 0 to the node's maximum, two decimals at most.",
      validate: planInputFields.targetPoints,
    }),
  }),
});

export const ImprovementActionInput = builder.inputType('ImprovementActionInput', {
  description: 'An action of a plan; its position in the list is its order in the plan.',
  fields: (t) => ({
    nodeId: t.id({ description: 'Global id of the index node the action aims to lift, if any.' }),
    title: t.string({ required: true, description: 'What will be done.', validate: planInputFields.title }),
    description: t.string({ description: 'Details of the action.', validate: planInputFields.description }),
    taskIds: t.idList({
      description: "Global ids of the tasks that carry out the action: tasks the plan's unit leads.",
      validate: planInputFields.taskIds,
    }),
  }),
});

export const CreateImprovementPlanInput = builder.inputType('CreateImprovementPlanInput', {
  description: 'A new improvement plan, one per unit and year. It starts as a DRAFT at version 1.',
  fields: (t) => ({
    unitId: t.id({ required: true, description: 'Global id of the unit whose index the plan aims to lift.' }),
    year: t.int({ required: true, description: 'The year whose index the plan aims to lift.', validate: yearInput }),
    targetPercent: t.float({
      required: true,
      description: 'The total aimed at, in percent (0 to 100, two decimals at most).',
      validate: planInputFields.targetPercent,
    }),
    analysis: t.string({
      description: 'Where points were lost last time, and why.',
      validate: planInputFields.analysis,
    }),
    targets: t.field({
      type: [ImprovementPlanTargetInput],
      description: 'Points aimed at per index node.',
      validate: planInputFields.targets,
      extensions: inputBounds({ maxItems: planTargetsMax }),
    }),
    actions: t.field({
      type: [ImprovementActionInput],
      description: 'What the unit will do, in order.',
      validate: planInputFields.actions,
    }),
  }),
});

export const UpdateImprovementPlanInput = builder.inputType('UpdateImprovementPlanInput', {
  validate: notNull('targetPercent', 'targets', 'actions'),
  description:
    'Changes to a plan while it is a DRAFT or RETURNED; omitted fields stay. A list given replaces the whole list ([] empties it).',
  fields: (t) => ({
    targetPercent: t.float({
      description: 'The total aimed at, in percent (0 to 100, two decimals at most).',
      validate: planInputFields.targetPercent,
    }),
    analysis: t.string({
      description: 'Where points were lost last time, and why; null clears it.',
      validate: planInputFields.analysis,
    }),
    targets: t.field({
      type: [ImprovementPlanTargetInput],
      description: 'Replaces every target of the plan.',
      validate: planInputFields.targets,
      extensions: inputBounds({ maxItems: planTargetsMax }),
    }),
    actions: t.field({
      type: [ImprovementActionInput],
      description: 'Replaces every action of the plan.',
      validate: planInputFields.actions,
    }),
  }),
});

type TargetInputValue = typeof ImprovementPlanTargetInput.$inferInput;
type ActionInputValue = typeof ImprovementActionInput.$inferInput;

function planTargets(targets: readonly TargetInputValue[] | null | undefined): PlanTargetInput[] | undefined {
  return targets?.map((target, i) => ({
    nodeId: decodeId(target.nodeId, 'IndexNode', `input.targets.${i}.nodeId`),
    targetPoints: target.targetPoints,
  }));
}

function planActions(actions: readonly ActionInputValue[] | null | undefined): PlanActionInput[] | undefined {
  return actions?.map((action, i) => ({
    nodeId: decodeOptionalId(action.nodeId, 'IndexNode', `input.actions.${i}.nodeId`),
    title: action.title,
    description: action.description,
    taskIds: action.taskIds?.map((id, j) => decodeId(id, 'Task', `input.actions.${i}.taskIds.${j}`)),
  }));
}

function planContent(input: typeof UpdateImprovementPlanInput.$inferInput): PlanContent {
  return {
    ...(input.targetPercent != null && { targetPercent: input.targetPercent }),
    ...(input.analysis !== undefined && { analysis: input.analysis }),
    targets: planTargets(input.targets),
    actions: planActions(input.actions),
  };
}

const planIdArg = { required: true, description: 'Global id of the plan, e.g. "ImprovementPlan:2".' } as const;
const planVersionArg = {
  required: true,
  description: 'The version the change is based on; CONFLICT when it is no longer the current one.',
} as const;

builder.mutationFields((t) => ({
  createImprovementPlan: t.prismaField({
    type: 'ImprovementPlan',
    description:
      "Drafts a unit's improvement plan for a year (one per unit and year): its target, analysis, targets per index node and actions. A unit head for their own unit, or the secretariat for any unit.",
    authScopes: rolesFor(planRules, 'CREATE'),
    args: { input: t.arg({ type: CreateImprovementPlanInput, required: true }) },
    resolve: (query, _root, { input }, ctx, info) =>
      runMutation(ctx, info, (w) =>
        createPlan(
          w,
          {
            ...planContent(input),
            unitId: decodeId(input.unitId, 'Unit', 'input.unitId'),
            year: input.year,
            targetPercent: input.targetPercent,
          },
          query,
        ),
      ),
  }),
  updateImprovementPlan: t.prismaField({
    type: 'ImprovementPlan',
    description:
      'Changes a DRAFT or RETURNED plan; given lists replace the whole list. Fails with CONFLICT when `version` is not the current one. The head of the unit or the secretariat.',
    authScopes: rolesFor(planRules, 'EDIT'),
    args: {
      id: t.arg.id(planIdArg),
      version: t.arg.int(planVersionArg),
      input: t.arg({ type: UpdateImprovementPlanInput, required: true }),
    },
    resolve: (query, _root, args, ctx, info) =>
      runMutation(ctx, info, (w) =>
        updatePlan(w, decodeId(args.id, 'ImprovementPlan'), args.version, planContent(args.input), query),
      ),
  }),
  submitImprovementPlan: t.prismaField({
    type: 'ImprovementPlan',
    description: 'DRAFT or RETURNED → SUBMITTED for review. The head of the unit or the secretariat.',
    authScopes: rolesFor(planRules, 'SUBMIT'),
    args: { id: t.arg.id(planIdArg), version: t.arg.int(planVersionArg) },
    resolve: (query, _root, args, ctx, info) =>
      runMutation(ctx, info, (w) => submitPlan(w, decodeId(args.id, 'ImprovementPlan'), args.version, query)),
  }),
  approveImprovementPlan: t.prismaField({
    type: 'ImprovementPlan',
    description: 'SUBMITTED → APPROVED, recording who approved it and when. The committee or the secretariat.',
    authScopes: rolesFor(planRules, 'APPROVE'),
    args: {
      id: t.arg.id(planIdArg),
      version: t.arg.int(planVersionArg),
      note: t.arg.string({ description: "The committee's note, shown to the unit.", validate: optionalText(5_000) }),
    },
    resolve: (query, _root, args, ctx, info) =>
      runMutation(ctx, info, (w) =>
        approvePlan(w, decodeId(args.id, 'ImprovementPlan'), args.version, args.note ?? null, query),
      ),
  }),
  returnImprovementPlan: t.prismaField({
    type: 'ImprovementPlan',
    description:
      'SUBMITTED → RETURNED to the unit with a reason, which becomes the review note; the unit can then change and resubmit it. The committee or the secretariat.',
    authScopes: rolesFor(planRules, 'RETURN'),
    args: {
      id: t.arg.id(planIdArg),
      version: t.arg.int(planVersionArg),
      reason: t.arg.string({ required: true, description: 'Why; shown to the unit.', validate: requiredText(5_000) }),
    },
    resolve: (query, _root, args, ctx, info) =>
      runMutation(ctx, info, (w) =>
        returnPlan(w, decodeId(args.id, 'ImprovementPlan'), args.version, args.reason, query),
      ),
  }),
}));

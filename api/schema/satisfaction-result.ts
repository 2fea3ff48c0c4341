import { ServiceSector, SipasElement, type Comparator, type Prisma } from '../../generated/prisma/client.ts';
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import { requestLoader } from '../loaders.ts';
import { meets } from '../services/target-progress.ts';
import { decimalOrNull } from './decimal.ts';
import {
  IDFilter,
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

export const ServiceSectorEnum = builder.enumType(ServiceSector, {
  name: 'ServiceSector',
  description: 'A sector of public services whose users are surveyed (OVERALL for state administration as a whole).',
});

export const SipasElementEnum = builder.enumType(SipasElement, {
  name: 'SipasElement',
  description:
    'An element of a public service surveyed by SIPAS: access, the procedure, the civil servant, the result, the handling of feedback; OVERALL for the index.',
});

interface SectorTarget {
  id: number;
  comparator: Comparator;
  targetValue: number;
  targetYear: number;
  planned: Map<number, number>;
}

/** SATISFACTION_PERCENT targets by "unitId:sector", loaded for every result of the request at once. */
function sectorTargets(ctx: Context, unitId: number, sector: ServiceSector): Promise<SectorTarget[] | undefined> {
  const load = requestLoader<string, SectorTarget[]>(ctx, 'sectorTargets', async (keys) => {
    const pairs = keys.map((key) => {
      const [unit, s] = key.split(':');
      return { unitId: Number(unit), sector: s as ServiceSector };
    });
    const rows = await ctx.prisma.target.findMany({
      where: { metric: 'SATISFACTION_PERCENT', OR: pairs },
      select: {
        id: true,
        unitId: true,
        sector: true,
        comparator: true,
        targetValue: true,
        targetYear: true,
        years: { select: { year: true, plannedValue: true } },
      },
      orderBy: [{ targetYear: 'asc' }, { id: 'asc' }],
    });
    return new Map(
      keys.map((key) => [
        key,
        rows
          .filter((r) => `${r.unitId}:${r.sector}` === key)
          .map((r) => ({
            id: r.id,
            comparator: r.comparator,
            targetValue: r.targetValue.toNumber(),
            targetYear: r.targetYear,
            planned: new Map(
              r.years.filter((y) => y.plannedValue !== null).map((y) => [y.year, y.plannedValue?.toNumber() ?? 0]),
            ),
          })),
      ]),
    );
  });
  return load(`${unitId}:${sector}`);
}

/**
 * The target a result is measured against: the unit's SATISFACTION_PERCENT target of the sector with
 * the earliest target year not before the result's year; with the value planned for that year (the
 * target value in the target year), null when nothing is planned for it.
 */
async function targetFor(ctx: Context, r: { unitId: number; sector: ServiceSector; year: number }) {
  const candidates = (await sectorTargets(ctx, r.unitId, r.sector)) ?? [];
  const target = candidates.find((c) => c.targetYear >= r.year) ?? null;
  if (!target) return null;
  const value = target.planned.get(r.year) ?? (r.year === target.targetYear ? target.targetValue : null);
  return { target, value };
}

const resultKey = { unitId: true, sector: true, year: true } as const;

export const SatisfactionResultRef = builder.prismaNode('SatisfactionResult', {
  id: { field: 'id' },
  description: "Satisfaction of citizens and organisations with a sector's services in one year (SIPAS).",
  fields: (t) => ({
    unit: t.relation('unit'),
    year: t.exposeInt('year'),
    sector: t.expose('sector', { type: ServiceSectorEnum }),
    element: t.expose('element', { type: SipasElementEnum }),
    satisfactionPercent: t.float({
      description: 'Share of respondents satisfied, in percent.',
      select: { satisfactionPercent: true },
      resolve: (r) => r.satisfactionPercent.toNumber(),
    }),
    perceptionPercent: t.float({
      description: 'Share of respondents aware of the element, in percent, when surveyed.',
      nullable: true,
      select: { perceptionPercent: true },
      resolve: (r) => decimalOrNull(r.perceptionPercent),
    }),
    expectationPercent: t.float({
      description: 'Share of respondents whose expectation was met, in percent, when surveyed.',
      nullable: true,
      select: { expectationPercent: true },
      resolve: (r) => decimalOrNull(r.expectationPercent),
    }),
    respondents: t.exposeInt('respondents', { nullable: true }),
    target: t.prismaField({
      type: 'Target',
      nullable: true,
      description:
        "The unit's SATISFACTION_PERCENT target for the sector that the result counts towards: the one with the earliest target year not before the result's year. Every element of the sector is measured against it.",
      select: resultKey,
      resolve: async (query, r, _args, ctx) => {
        const found = await targetFor(ctx, r);
        if (!found) return null;
        // Every result on the page asks with the same selection: one query for all their targets.
        const load = requestLoader(ctx, `targetRows:${JSON.stringify(query)}`, async (ids: number[]) => {
          const rows = await ctx.prisma.target.findMany({ ...query, where: { id: { in: ids } } });
          return new Map(rows.map((row) => [row.id, row]));
        });
        return (await load(found.target.id)) ?? null;
      },
    }),
    targetValue: t.float({
      nullable: true,
      description:
        "The value the target asks for in the result's year: its interim value, or the target value in the target year; null when nothing is planned for the year.",
      select: resultKey,
      resolve: async (r, _args, ctx) => (await targetFor(ctx, r))?.value ?? null,
    }),
    meetsTarget: t.boolean({
      nullable: true,
      description:
        "Whether the satisfaction meets the target's value for the year (by its comparator); null without one.",
      select: { ...resultKey, satisfactionPercent: true },
      resolve: async (r, _args, ctx) => {
        const found = await targetFor(ctx, r);
        if (!found || found.value === null) return null;
        return meets(found.target.comparator, r.satisfactionPercent.toNumber(), found.value);
      },
    }),
    illustrative: t.exposeBoolean('illustrative'),
  }),
});

interface SatisfactionFilterValue extends Logical<SatisfactionFilterValue> {
  unit?: IdFilterValue | null;
  year?: RangeFilterValue<number> | null;
  sector?: EnumFilterValue<ServiceSector> | null;
  element?: EnumFilterValue<SipasElement> | null;
}

const ServiceSectorFilter = enumFilter<ServiceSector>('ServiceSectorFilter', ServiceSectorEnum, 'Matches sectors.');
const SipasElementFilter = enumFilter<SipasElement>('SipasElementFilter', SipasElementEnum, 'Matches SIPAS elements.');

export const SatisfactionResultFilter = builder
  .inputRef<SatisfactionFilterValue>('SatisfactionResultFilter')
  .implement({
    description: 'Selects satisfaction results.',
    fields: (t) => ({
      unit: t.field({ type: IDFilter }),
      year: t.field({ type: IntFilter }),
      sector: t.field({ type: ServiceSectorFilter }),
      element: t.field({ type: SipasElementFilter }),
      ...logicalFields(t, SatisfactionResultFilter),
    }),
  });

function satisfactionWhere(
  filter: SatisfactionFilterValue | null | undefined,
): Prisma.SatisfactionResultWhereInput | undefined {
  return logicalWhere(filter, (f): Prisma.SatisfactionResultWhereInput => ({
    ...(f.unit && { unitId: idWhere(f.unit, 'Unit', 'filter.unit') }),
    ...(f.year && { year: rangeWhere(f.year) }),
    ...(f.sector && { sector: enumWhere(f.sector) }),
    ...(f.element && { element: enumWhere(f.element) }),
  }));
}

const SatisfactionResultOrder = orderInput<Prisma.SatisfactionResultOrderByWithRelationInput>()('SatisfactionResult', {
  YEAR: { description: 'Year.', orderBy: (d) => ({ year: d }) },
  SECTOR: { description: 'Sector.', orderBy: (d) => ({ sector: d }) },
  ELEMENT: { description: 'Element.', orderBy: (d) => ({ element: d }) },
  SATISFACTION: { description: 'Satisfaction percent.', orderBy: (d) => ({ satisfactionPercent: d }) },
});

const satisfactionResultsCount = countBesidePage((args: { filter?: Parameters<typeof satisfactionWhere>[0] }, ctx) =>
  ctx.prisma.satisfactionResult.count({ where: satisfactionWhere(args.filter) }),
);

builder.queryField('satisfactionResults', (t) =>
  t.prismaConnection({
    type: 'SatisfactionResult',
    cursor: 'id',
    description: 'SIPAS satisfaction results, latest year first unless told otherwise.',
    args: {
      filter: t.arg({ type: SatisfactionResultFilter }),
      orderBy: t.arg({ type: [SatisfactionResultOrder.ref] }),
      offset: t.arg.int(offsetArgOptions),
    },
    totalCount: satisfactionResultsCount.totalCount,
    resolve: (query, _parent, args, ctx, info) => {
      satisfactionResultsCount.start(args, ctx, info);
      return ctx.prisma.satisfactionResult.findMany({
        ...withOffset(query, args),
        where: satisfactionWhere(args.filter),
        orderBy: SatisfactionResultOrder.toOrderBy(
          args.orderBy ?? [{ field: 'YEAR', direction: 'desc' }, { field: 'SECTOR' }, { field: 'ELEMENT' }],
        ),
      });
    },
  }),
);

// Analyst views of the PAR index: the league table of one level and year, and index trends per unit over
// years. Totals, percents and ranks come from the index loaders (summed in the database by the tree rule,
// a fixed number of statements however many units); the rules themselves are in services/index-scores.ts.
import { z } from 'zod';
import type { IndexLevel, IndexNode, IndexResult, Unit } from '../../generated/prisma/client.ts';
import { builder, maxPageSize } from '../builder.ts';
import type { Context } from '../context.ts';
import { leftOut, listSize, requestedLength, type ArgumentValues } from '../cost.ts';
import * as sizes from '../list-sizes.ts';
import { compareVietnamese } from '../services/collation.ts';
import { nodeResults, type IndexLoaders, type NodeResultValue } from '../services/index-loaders.ts';
import { delta, rankChange, weakestField } from '../services/index-scores.ts';
import { openStatuses, timelinessWhere } from '../services/timeliness.ts';
import { IndexLevelEnum } from './index-framework.ts';
import { IndexNodeResultRef, IndexResultFilter, IndexResultRef, resultWhere } from './index-result.ts';
import { UnitRef, unitQuery } from './unit.ts';

interface LeagueRow {
  unit: Unit;
  result: IndexResult;
  points: number | null;
  maxPoints: number;
  percent: number | null;
  rank: number | null;
  rankOf: number;
  previousPercent: number | null;
  previousRank: number | null;
  weakestField: NodeResultValue | null;
  overdueTasks: number;
  openTasks: number;
}

interface TrendPoint {
  year: number;
  result: IndexResult;
  percent: number | null;
  points: number | null;
  maxPoints: number;
  rank: number | null;
  rankOf: number | null;
  nodes: NodeResultValue[];
}

interface TrendSeries {
  unit: Unit;
  level: IndexLevel;
  points: TrendPoint[];
}

const IndexLeagueRowRef = builder.objectRef<LeagueRow>('IndexLeagueRow').implement({
  description: "One unit's line in the league table of a level and year.",
  fields: (t) => ({
    unit: t.field({ type: UnitRef, description: 'The unit.', resolve: (row) => row.unit }),
    result: t.field({
      type: IndexResultRef,
      description: "The unit's result that year.",
      resolve: (row) => row.result,
    }),
    points: t.float({
      nullable: true,
      description: 'Total points computed from the tree; null when nothing was scored.',
      resolve: (row) => row.points,
    }),
    maxPoints: t.float({ description: "The framework's maximum points.", resolve: (row) => row.maxPoints }),
    percent: t.float({
      nullable: true,
      description: 'Total as a percentage of the maximum, computed from the tree, two decimals.',
      resolve: (row) => row.percent,
    }),
    rank: t.int({
      nullable: true,
      description: 'Published rank when there is one, else the competition rank by computed percent (ties share).',
      resolve: (row) => row.rank,
    }),
    rankOf: t.int({
      description: 'Number of units the rank is out of (the published count with a published rank).',
      resolve: (row) => row.rankOf,
    }),
    previousPercent: t.float({
      nullable: true,
      description: "Percent of the unit's result in the previous framework year of the level; null without one.",
      resolve: (row) => row.previousPercent,
    }),
    delta: t.float({
      nullable: true,
      description: 'Percent minus previousPercent, in percentage points.',
      resolve: (row) => delta(row.percent, row.previousPercent),
    }),
    previousRank: t.int({
      nullable: true,
      description: 'Rank (published or computed, as rank) in the previous framework year.',
      resolve: (row) => row.previousRank,
    }),
    rankChange: t.int({
      nullable: true,
      description: 'Places gained since the previous year: previousRank minus rank (positive = moved up).',
      resolve: (row) => rankChange(row.rank, row.previousRank),
    }),
    weakestField: t.field({
      type: IndexNodeResultRef,
      nullable: true,
      description:
        'The top-level field where the unit lost most points (ties: the lower share of its maximum, then code order); null when it lost none.',
      resolve: (row) => row.weakestField,
    }),
    overdueTasks: t.int({
      description: 'Tasks the unit leads that are open past their deadline, as of today.',
      resolve: (row) => row.overdueTasks,
    }),
    openTasks: t.int({
      description:
        'Tasks the unit leads that are still open (not started, in progress, submitted or returned), as of today.',
      resolve: (row) => row.openTasks,
    }),
  }),
});

const IndexTrendPointRef = builder.objectRef<TrendPoint>('IndexTrendPoint').implement({
  description: "A unit's index in one year of a trend.",
  fields: (t) => ({
    year: t.int({ description: 'The framework year.', resolve: (p) => p.year }),
    result: t.field({ type: IndexResultRef, description: 'The result of that year.', resolve: (p) => p.result }),
    percent: t.float({
      nullable: true,
      description: 'Total as a percentage of the maximum, computed from the tree.',
      resolve: (p) => p.percent,
    }),
    points: t.float({ nullable: true, description: 'Total points computed from the tree.', resolve: (p) => p.points }),
    maxPoints: t.float({ description: "The year's framework maximum.", resolve: (p) => p.maxPoints }),
    rank: t.int({
      nullable: true,
      description: 'Published rank when there is one, else the computed competition rank.',
      resolve: (p) => p.rank,
    }),
    rankOf: t.int({ nullable: true, description: 'Number of units the rank is out of.', resolve: (p) => p.rankOf }),
    nodes: t.field({
      type: [IndexNodeResultRef],
      // nodeCodes takes at most this many codes.
      extensions: listSize(sizes.frameworkFields),
      description:
        "Points on the nodes asked for by nodeCodes, in that order (the top-level fields when nodeCodes is omitted); a code the year's framework lacks is left out.",
      resolve: (p) => p.nodes,
    }),
  }),
});

const IndexTrendSeriesRef = builder.objectRef<TrendSeries>('IndexTrendSeries').implement({
  description: "One unit's index results over the years, at one level.",
  fields: (t) => ({
    unit: t.field({ type: UnitRef, description: 'The unit.', resolve: (s) => s.unit }),
    level: t.field({ type: IndexLevelEnum, description: 'The level of the frameworks.', resolve: (s) => s.level }),
    points: t.field({
      type: [IndexTrendPointRef],
      extensions: listSize(sizes.indexYears),
      description: 'One point per year with a result, oldest first.',
      resolve: (s) => s.points,
    }),
  }),
});

const byName = (a: { name: string }, b: { name: string }) => compareVietnamese(a.name, b.name);

/** Open and overdue tasks led by each unit, as of today: two grouped counts in the database. */
async function taskCounts(ctx: Context, unitIds: number[]) {
  const fields = {
    deadline: ctx.prisma.task.fields.deadline,
    originalDeadline: ctx.prisma.task.fields.originalDeadline,
  };
  const leadBy = { leadUnitId: { in: unitIds } };
  const [open, overdue] = await Promise.all([
    ctx.prisma.task.groupBy({
      by: ['leadUnitId'],
      where: { ...leadBy, status: { in: [...openStatuses] } },
      _count: { _all: true },
    }),
    ctx.prisma.task.groupBy({
      by: ['leadUnitId'],
      where: { ...leadBy, ...timelinessWhere('OVERDUE', ctx.today, ctx.dueSoonDays, fields) },
      _count: { _all: true },
    }),
  ]);
  const counts = (groups: { leadUnitId: number; _count: { _all: number } }[]) =>
    new Map(groups.map((group) => [group.leadUnitId, group._count._all]));
  return { open: counts(open), overdue: counts(overdue) };
}

/** The most rows one page of the league table may ask for. */
const maxLeagueRows = 10_000;

builder.queryField('indexLeagueTable', (t) =>
  t.field({
    type: [IndexLeagueRowRef],
    // Without first (given or sent), the whole table: counted as a province's communes.
    extensions: listSize(({ first }) =>
      leftOut(first) ? sizes.unitsOfALevel : requestedLength(first, sizes.unitsOfALevel, maxLeagueRows),
    ),
    description:
      "League table of the units of one level in one year, by rank then unit name (unranked last). Ranks are among all results of the framework, whatever the filter selects. first and offset page it: only the page's rows load their fields, previous year and tasks.",
    args: {
      level: t.arg({ type: IndexLevelEnum, required: true, description: 'The level of the framework.' }),
      year: t.arg.int({ required: true, description: 'The framework year.' }),
      filter: t.arg({ type: IndexResultFilter }),
      first: t.arg.int({
        description: 'Rows to return, from offset on; omitted, every row.',
        validate: z.number().int().min(1).max(maxLeagueRows),
      }),
      offset: t.arg.int({
        description: 'Rows to skip, in table order.',
        validate: z.number().int().min(0).max(1_000_000),
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const loaders = ctx.loaders.index;
      // The year's framework and the level's latest earlier one, found together so that both years'
      // totals load in one statement rather than one year after the other.
      const [framework, earlier] = await ctx.prisma.indexFramework.findMany({
        where: { level: args.level, year: { lte: args.year } },
        orderBy: { year: 'desc' },
        take: 2,
        select: { id: true, year: true },
      });
      if (!framework || framework.year !== args.year) return [];
      const filter = resultWhere(args.filter);
      // Every result is ranked and sorted by name; only the page's rows are read whole.
      const [all, [facts, , ranking, before]] = await Promise.all([
        ctx.prisma.indexResult.findMany({
          where: { AND: [{ frameworkId: framework.id }, ...(filter ? [filter] : [])] },
          select: { id: true, unitId: true, unit: { select: { name: true } } },
        }),
        Promise.all([
          loaders.framework.load(framework.id),
          earlier ? loaders.framework.load(earlier.id) : null,
          loaders.ranking.load(framework.id),
          earlier ? loaders.ranking.load(earlier.id) : null,
        ]),
      ]);
      const rankOf = (result: { id: number }) => ranking.byResult.get(result.id)?.rank ?? Number.POSITIVE_INFINITY;
      const from = args.offset ?? 0;
      const order = all
        .sort((a, b) => rankOf(a) - rankOf(b) || byName(a.unit, b.unit))
        .slice(from, args.first == null ? undefined : from + args.first);
      if (!order.length) return [];
      const unitIds = order.map((r) => r.unitId);
      const [read, earlierResults, tasks] = await Promise.all([
        ctx.prisma.indexResult.findMany({
          where: { id: { in: order.map((r) => r.id) } },
          include: { unit: unitQuery(ctx, info, ['unit']) },
        }),
        earlier ? ctx.prisma.indexResult.findMany({ where: { frameworkId: earlier.id, unitId: { in: unitIds } } }) : [],
        taskCounts(ctx, unitIds),
      ]);
      const byId = new Map(read.map((r) => [r.id, r]));
      const page = order.flatMap((r) => byId.get(r.id) ?? []);
      const earlierByUnit = new Map(earlierResults.map((r) => [r.unitId, r]));
      for (const result of page) loaders.previous.prime(result, earlierByUnit.get(result.unitId) ?? null);
      const fieldNodes = (facts?.nodes ?? []).filter((node) => node.parentId === null);
      const fields = await Promise.all(page.map((result) => nodeResults(loaders, result, fieldNodes)));
      return page.map(({ unit, ...result }, i): LeagueRow => {
        const previous = earlierByUnit.get(unit.id);
        const then = previous ? before?.byResult.get(previous.id) : undefined;
        const own = ranking.byResult.get(result.id);
        return {
          unit,
          result,
          points: own?.points ?? null,
          maxPoints: facts?.maxPoints ?? 0,
          percent: own?.percent ?? null,
          rank: own?.rank ?? null,
          rankOf: own?.rankOf ?? ranking.rankedCount,
          previousPercent: then?.percent ?? null,
          previousRank: then?.rank ?? null,
          weakestField: weakestField((fields[i] ?? []).map((f) => ({ ...f, code: f.node.code }))),
          overdueTasks: tasks.overdue.get(unit.id) ?? 0,
          openTasks: tasks.open.get(unit.id) ?? 0,
        };
      });
    },
  }),
);

/** The values a filter's top-level `equals` / `in` allow, or null when it leaves any. */
function allowed(filter: unknown): number | null {
  if (typeof filter !== 'object' || filter === null) return null;
  const { equals, in: among } = filter as { equals?: unknown; in?: unknown };
  if (typeof equals === 'string') return 1;
  return Array.isArray(among) ? among.length : null;
}

/**
 * Series of a trends request: first when given (or sent); else one per level and unit that the filter's own
 * `unit` and `level` allow (AND, OR and NOT only narrow them further), a province's units at most.
 */
function trendSeries({ first, filter }: ArgumentValues): number {
  if (!leftOut(first)) return requestedLength(first, maxPageSize, maxPageSize);
  const { unit, level } = (typeof filter === 'object' && filter !== null ? filter : {}) as Record<string, unknown>;
  const levels = Math.min(allowed(level) ?? sizes.indexLevels, sizes.indexLevels);
  const units = allowed(unit);
  return units === null ? levels * sizes.unitsOfALevel : Math.max(1, levels * units);
}

async function trendPoint(
  loaders: IndexLoaders,
  result: IndexResult,
  year: number,
  nodeCodes: readonly string[] | null | undefined,
): Promise<TrendPoint> {
  const [facts, ranking] = await Promise.all([
    loaders.framework.load(result.frameworkId),
    loaders.ranking.load(result.frameworkId),
  ]);
  const all = facts?.nodes ?? [];
  const nodes: IndexNode[] = nodeCodes
    ? nodeCodes.flatMap((code) => all.filter((node) => node.code === code))
    : all.filter((node) => node.parentId === null);
  const own = ranking.byResult.get(result.id);
  return {
    year,
    result,
    percent: own?.percent ?? null,
    points: own?.points ?? null,
    maxPoints: facts?.maxPoints ?? 0,
    rank: own?.rank ?? null,
    rankOf: own?.rankOf ?? null,
    nodes: await nodeResults(loaders, result, nodes),
  };
}

const levelOrder: IndexLevel[] = ['DISTRICT', 'AGENCY', 'COMMUNE'];

builder.queryField('indexTrends', (t) =>
  t.field({
    type: [IndexTrendSeriesRef],
    extensions: listSize(trendSeries),
    description:
      "Index results over the years, one series per unit (and level), by unit name; the filter selects the results (years, levels, units, with AND, OR and NOT). Ranks are among all results of each framework. first and offset page the series: only the page's series load their points.",
    args: {
      filter: t.arg({ type: IndexResultFilter }),
      nodeCodes: t.arg.stringList({
        description: `Dotted codes of the nodes to follow, e.g. ["7", "7.2"], at most ${sizes.frameworkFields}; omitted, the top-level fields.`,
        validate: z.array(z.string()).max(sizes.frameworkFields),
      }),
      first: t.arg.int({
        description: `Series to return, from offset on, at most ${maxPageSize}; omitted, every series.`,
        validate: z.number().int().min(1).max(maxPageSize),
      }),
      offset: t.arg.int({
        description: 'Series to skip, in order.',
        validate: z.number().int().min(0).max(1_000_000),
      }),
    },
    resolve: async (_root, args, ctx, info) => {
      const loaders = ctx.loaders.index;
      const results = await ctx.prisma.indexResult.findMany({
        where: resultWhere(args.filter),
        include: { unit: unitQuery(ctx, info, ['unit']), framework: { select: { level: true, year: true } } },
      });
      const series = new Map<string, { unit: Unit; level: IndexLevel; results: typeof results }>();
      for (const result of results) {
        const key = `${result.unit.id}:${result.framework.level}`;
        const entry = series.get(key) ?? { unit: result.unit, level: result.framework.level, results: [] };
        entry.results.push(result);
        series.set(key, entry);
      }
      const from = args.offset ?? 0;
      const page = [...series.values()]
        .sort((a, b) => byName(a.unit, b.unit) || levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level))
        .slice(from, args.first == null ? undefined : from + args.first);
      return Promise.all(
        page.map(async ({ unit, level, results: ofSeries }): Promise<TrendSeries> => {
          const points = await Promise.all(
            ofSeries.map(({ unit: _unit, framework, ...result }) =>
              trendPoint(loaders, result, framework.year, args.nodeCodes),
            ),
          );
          return { unit, level, points: points.sort((a, b) => a.year - b.year) };
        }),
      );
    },
  }),
);

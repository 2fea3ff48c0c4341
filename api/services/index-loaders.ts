// Reads the PAR index for one GraphQL request in a fixed number of statements, whatever the number of
// units: each loader collects the keys asked for while a request resolves one level of fields and sends
// one query for all of them. Points are summed in the database by the tree rule of index-scores.ts (a
// node's points are its stored score, or the sum of its children's when it has none); score rows are
// never loaded one by one.
import DataLoader from 'dataloader';
import type { IndexLevel, IndexNode, IndexResult, PrismaClient } from '../../generated/prisma/client.ts';
import { compareCodes, competitionRanks, effectiveRank, percentOf, round2, topLevelTotal } from './index-scores.ts';

type Batcher<K, V> = DataLoader<K, V, string>;

/**
 * A per-request loader: keys asked for while resolvers run are collected until the event loop turns
 * (after Pothos has resolved a whole level of fields), then loaded in one call; results are cached.
 */
function batcher<K, V>(
  idOf: (key: K) => string,
  loadMany: (keys: K[]) => Promise<Map<string, V>>,
  missing: V,
): Batcher<K, V> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const values = await loadMany([...keys]);
      return keys.map((key) => (values.has(idOf(key)) ? (values.get(idOf(key)) as V) : missing));
    },
    { cacheKeyFn: idOf, batchScheduleFn: (dispatch) => setImmediate(dispatch) },
  );
}

/** A framework's tree and its place among the frameworks of its level. */
export interface FrameworkFacts {
  id: number;
  level: IndexLevel;
  year: number;
  /** Every node, in code order. */
  nodes: IndexNode[];
  /** Sum of the top-level fields' maximum points. */
  maxPoints: number;
  /** The framework of the same level for the latest earlier year, if any. */
  previousId: number | null;
}

/** Every result of one framework with its computed total and rank. */
export interface FrameworkRanking {
  byResult: Map<number, RankedResult>;
  /** Results with a computed percent: the size of the computed ranking. */
  rankedCount: number;
}

export interface RankedResult {
  points: number | null;
  percent: number | null;
  computedRank: number | null;
  /** Published rank when there is one, else the computed rank. */
  rank: number | null;
  rankOf: number | null;
}

export interface ResultKey {
  id: number;
  unitId: number;
  frameworkId: number;
}

/** Nodes of a result's framework, in the order they are wanted. */
export interface NodesOfResult {
  result: ResultKey;
  nodes: readonly IndexNode[];
}

export interface IndexLoaders {
  framework: Batcher<number, FrameworkFacts | null>;
  ranking: Batcher<number, FrameworkRanking>;
  /** Points of one node for one result, by the tree rule; null when nothing at or under it was scored. */
  nodePoints: Batcher<{ resultId: number; nodeId: number }, number | null>;
  /** The same unit's result under the previous framework of the same level. */
  previous: Batcher<ResultKey, IndexResult | null>;
  /**
   * Points of some nodes of a result, with the previous year's on the nodes of the same codes: one load
   * per result and node list. (Loading each node of each year through nodePoints made 16 loads per row
   * of a league table, 35,000 for 2,200 communes; docs/benchmarks.md.)
   */
  nodeValues: Batcher<NodesOfResult, NodeResultValue[]>;
}

interface RankingRow {
  resultId: number;
  frameworkId: number;
  publishedRank: number | null;
  publishedOf: number | null;
  points: number | null;
}

/**
 * Totals of every result of the frameworks. Usually every top-level field carries its own score: one
 * indexed sum per result answers. Only the results with an unscored field walk the tree (recursively,
 * into children where a node has no score); walking every result instead makes PostgreSQL hash the
 * whole score table (docs/benchmarks.md).
 */
async function rankingRows(prisma: PrismaClient, frameworkIds: number[]): Promise<RankingRow[]> {
  const rows = await prisma.$queryRaw<(RankingRow & { scored: number; fields: number })[]>`
    SELECT r.id AS "resultId", r."frameworkId", r."publishedRank", r."publishedOf",
      top.points, COALESCE(top.scored, 0)::int AS scored, fields.count::int AS fields
    FROM "IndexResult" r
    JOIN (
      SELECT f."frameworkId", COUNT(*) AS count
      FROM "IndexNode" f
      WHERE f."frameworkId" = ANY(${frameworkIds}::int[]) AND f."parentId" IS NULL
      GROUP BY f."frameworkId"
    ) fields ON fields."frameworkId" = r."frameworkId"
    LEFT JOIN (
      SELECT s."resultId", SUM(s.points)::float8 AS points, COUNT(*) AS scored
      FROM "IndexScore" s
      JOIN "IndexNode" n ON n.id = s."nodeId"
      WHERE n."frameworkId" = ANY(${frameworkIds}::int[]) AND n."parentId" IS NULL
      GROUP BY s."resultId"
    ) top ON top."resultId" = r.id
    WHERE r."frameworkId" = ANY(${frameworkIds}::int[])`;
  const partial = rows.filter((row) => row.scored < row.fields).map((row) => row.resultId);
  const walked = partial.length ? await walkedTotals(prisma, partial) : new Map<number, number | null>();
  return rows.map(({ resultId, frameworkId, publishedRank, publishedOf, points }) => ({
    resultId,
    frameworkId,
    publishedRank,
    publishedOf,
    points: walked.has(resultId) ? (walked.get(resultId) ?? null) : points,
  }));
}

/** Totals of the given results by the tree rule: top-level fields, expanded into children where unscored. */
async function walkedTotals(prisma: PrismaClient, resultIds: number[]): Promise<Map<number, number | null>> {
  const rows = await prisma.$queryRaw<{ resultId: number; points: number | null }[]>`
    WITH RECURSIVE walk ("resultId", "nodeId") AS (
      SELECT r.id, n.id
      FROM "IndexResult" r
      JOIN "IndexNode" n ON n."frameworkId" = r."frameworkId" AND n."parentId" IS NULL
      WHERE r.id = ANY(${resultIds}::int[])
      UNION ALL
      SELECT w."resultId", c.id
      FROM walk w
      JOIN "IndexNode" c ON c."parentId" = w."nodeId"
      LEFT JOIN "IndexScore" own ON own."resultId" = w."resultId" AND own."nodeId" = w."nodeId"
      WHERE own.id IS NULL
    )
    SELECT w."resultId", SUM(s.points)::float8 AS points
    FROM walk w
    LEFT JOIN "IndexScore" s ON s."resultId" = w."resultId" AND s."nodeId" = w."nodeId"
    GROUP BY w."resultId"`;
  return new Map(rows.map((row) => [row.resultId, row.points]));
}

type Pair = { resultId: number; nodeId: number };

/**
 * Points of each (result, node) pair: the node's own score, looked up by key; only the pairs without
 * one sum their children's, walking down where those have none either.
 */
async function nodePointRows(prisma: PrismaClient, asked: Pair[]): Promise<(Pair & { points: number })[]> {
  // Once each: a pair asked twice (a trend asks a year's result for itself and as the next year's
  // previous one) would be walked twice and its points summed twice.
  const pairs = [...new Map(asked.map((pair) => [`${pair.resultId}:${pair.nodeId}`, pair])).values()];
  const candidates = await prisma.$queryRaw<(Pair & { points: number })[]>`
    SELECT s."resultId", s."nodeId", s.points::float8 AS points
    FROM "IndexScore" s
    WHERE s."resultId" = ANY(${[...new Set(pairs.map((pair) => pair.resultId))]}::int[])
      AND s."nodeId" = ANY(${[...new Set(pairs.map((pair) => pair.nodeId))]}::int[])`;
  // Both lists make an index scan of the (result, node) key; it may return pairs not asked for.
  const wanted = new Set(pairs.map((pair) => `${pair.resultId}:${pair.nodeId}`));
  const own = candidates.filter((row) => wanted.has(`${row.resultId}:${row.nodeId}`));
  const found = new Set(own.map((row) => `${row.resultId}:${row.nodeId}`));
  const rest = pairs.filter((pair) => !found.has(`${pair.resultId}:${pair.nodeId}`));
  if (!rest.length) return own;
  const walked = await prisma.$queryRaw<(Pair & { points: number })[]>`
    WITH RECURSIVE walk ("resultId", "targetId", "nodeId") AS (
      SELECT t."resultId", t."nodeId", c.id
      FROM unnest(${rest.map((pair) => pair.resultId)}::int[], ${rest.map((pair) => pair.nodeId)}::int[])
        AS t ("resultId", "nodeId")
      JOIN "IndexNode" c ON c."parentId" = t."nodeId"
      UNION ALL
      SELECT w."resultId", w."targetId", c.id
      FROM walk w
      JOIN "IndexNode" c ON c."parentId" = w."nodeId"
      LEFT JOIN "IndexScore" own ON own."resultId" = w."resultId" AND own."nodeId" = w."nodeId"
      WHERE own.id IS NULL
    )
    SELECT w."resultId", w."targetId" AS "nodeId", SUM(s.points)::float8 AS points
    FROM walk w
    JOIN "IndexScore" s ON s."resultId" = w."resultId" AND s."nodeId" = w."nodeId"
    GROUP BY w."resultId", w."targetId"`;
  return [...own, ...walked];
}

/** The index loaders of one request (the request's Loaders makes them on first use). */
export function createIndexLoaders(prisma: PrismaClient): IndexLoaders {
  const framework: IndexLoaders['framework'] = batcher(
    String,
    async (ids) => {
      const frameworks = await prisma.indexFramework.findMany({ where: { id: { in: ids } }, include: { nodes: true } });
      const levels = [...new Set(frameworks.map((f) => f.level))];
      const years = levels.length
        ? await prisma.indexFramework.findMany({
            where: { level: { in: levels } },
            select: { id: true, level: true, year: true },
          })
        : [];
      return new Map(
        frameworks.map((f) => {
          const earlier = years
            .filter((other) => other.level === f.level && other.year < f.year)
            .sort((a, b) => b.year - a.year);
          const facts: FrameworkFacts = {
            id: f.id,
            level: f.level,
            year: f.year,
            nodes: [...f.nodes].sort((a, b) => compareCodes(a.code, b.code)),
            maxPoints: topLevelTotal(f.nodes.map((n) => ({ parentId: n.parentId, points: n.maxPoints.toNumber() }))),
            previousId: earlier[0]?.id ?? null,
          };
          return [String(f.id), facts];
        }),
      );
    },
    null,
  );

  const ranking: IndexLoaders['ranking'] = batcher(
    String,
    async (ids) => {
      const [rows, facts] = await Promise.all([
        rankingRows(prisma, ids),
        Promise.all(ids.map((id) => framework.load(id))),
      ]);
      const maxima = new Map(facts.flatMap((f) => (f ? [[f.id, f.maxPoints] as const] : [])));
      const rankings = new Map<string, FrameworkRanking>();
      for (const id of ids) {
        const own = rows.filter((row) => row.frameworkId === id);
        const percents = own.map((row) => ({
          key: row.resultId,
          value: percentOf(row.points === null ? null : round2(row.points), maxima.get(id) ?? 0),
        }));
        const computed = competitionRanks(percents);
        const byResult = new Map<number, RankedResult>();
        own.forEach((row, i) => {
          const computedRank = computed.get(row.resultId) ?? null;
          const shown = effectiveRank(
            { rank: row.publishedRank, of: row.publishedOf },
            { rank: computedRank, of: computed.size },
          );
          byResult.set(row.resultId, {
            points: row.points === null ? null : round2(row.points),
            percent: percents[i]?.value ?? null,
            computedRank,
            rank: shown.rank,
            rankOf: shown.of,
          });
        });
        rankings.set(String(id), { byResult, rankedCount: computed.size });
      }
      return rankings;
    },
    { byResult: new Map(), rankedCount: 0 },
  );

  const nodePoints: IndexLoaders['nodePoints'] = batcher(
    (key) => `${key.resultId}:${key.nodeId}`,
    async (keys) => {
      const rows = await nodePointRows(prisma, keys);
      return new Map(rows.map((row) => [`${row.resultId}:${row.nodeId}`, round2(row.points)]));
    },
    null,
  );

  const previous: IndexLoaders['previous'] = batcher(
    (key) => String(key.id),
    async (keys) => {
      const facts = await Promise.all(keys.map((key) => framework.load(key.frameworkId)));
      const wanted = keys.flatMap((key, i) => {
        const previousId = facts[i]?.previousId;
        return previousId ? [{ key, previousId }] : [];
      });
      if (!wanted.length) return new Map();
      const found = await prisma.indexResult.findMany({
        where: {
          unitId: { in: [...new Set(wanted.map((w) => w.key.unitId))] },
          frameworkId: { in: [...new Set(wanted.map((w) => w.previousId))] },
        },
      });
      return new Map(
        wanted.flatMap(({ key, previousId }) => {
          const match = found.find((r) => r.unitId === key.unitId && r.frameworkId === previousId);
          return match ? [[String(key.id), match] as const] : [];
        }),
      );
    },
    null,
  );

  const nodesKey = ({ result, nodes }: NodesOfResult) => `${result.id}:${nodes.map((node) => node.id).join(',')}`;
  const nodeValues: IndexLoaders['nodeValues'] = batcher(
    nodesKey,
    async (keys) => {
      const previousResults = await Promise.all(keys.map(({ result }) => previous.load(result)));
      // Each earlier framework's nodes by code, once, to find last year's node of each code.
      const earlierIds = new Set(previousResults.flatMap((r) => (r ? [r.frameworkId] : [])));
      const byCode = new Map<number, Map<string, IndexNode>>();
      for (const facts of await Promise.all([...earlierIds].map((id) => framework.load(id)))) {
        if (facts) byCode.set(facts.id, new Map(facts.nodes.map((node) => [node.code, node])));
      }
      const wanted = keys.map((key, i) => {
        const before = previousResults[i] ?? null;
        const earlierNodes = before ? byCode.get(before.frameworkId) : undefined;
        const nodes = key.nodes.map((node) => ({ node, match: earlierNodes?.get(node.code) }));
        return { key, result: key.result, before, nodes };
      });
      const pairs = wanted.flatMap(({ result, before, nodes }) =>
        nodes.flatMap(({ node, match }) => [
          { resultId: result.id, nodeId: node.id },
          ...(before && match ? [{ resultId: before.id, nodeId: match.id }] : []),
        ]),
      );
      const rows = pairs.length ? await nodePointRows(prisma, pairs) : [];
      const points = new Map(rows.map((row) => [`${row.resultId}:${row.nodeId}`, round2(row.points)]));
      return new Map(
        wanted.map(({ key, result, before, nodes }) => [
          nodesKey(key),
          nodes.map(({ node, match }) => ({
            node,
            maxPoints: node.maxPoints.toNumber(),
            points: points.get(`${result.id}:${node.id}`) ?? null,
            previousPoints: before && match ? (points.get(`${before.id}:${match.id}`) ?? null) : null,
          })),
        ]),
      );
    },
    [],
  );

  return { framework, ranking, nodePoints, previous, nodeValues };
}

/** A node's points for a result and for the same unit's previous result (matched by code). */
export interface NodeResultValue {
  node: IndexNode;
  maxPoints: number;
  points: number | null;
  previousPoints: number | null;
}

/** Points of the given nodes of a result, with the previous year's points on the nodes of the same codes. */
export function nodeResults(
  loaders: IndexLoaders,
  result: ResultKey,
  nodes: readonly IndexNode[],
): Promise<NodeResultValue[]> {
  return loaders.nodeValues.load({ result, nodes });
}

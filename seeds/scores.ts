// Illustrative per-criterion scores that add up exactly to a published total. All arithmetic is in
// hundredths of a point (integers), as the columns are Decimal(6, 2): no rounding drift.
import type { FrameworkSeed, ResultSeed } from './data/par-index.ts';

export const toCents = (points: number): number => Math.round(points * 100);
export const fromCents = (cents: number): number => cents / 100;

/** A small deterministic PRNG (mulberry32 seeded by FNV-1a), so the demo is the same on every load. */
export function seededRandom(seed: string): () => number {
  let hash = 2166136261;
  for (const char of seed) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 16777619);
  }
  let state = hash >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits `total` (integer) over slots in proportion to their weights, never giving a slot more
 * than its limit. Throws when the limits cannot hold the total.
 */
export function distribute(total: number, weights: number[], limits: number[]): number[] {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`Cannot distribute ${total}`);
  const capacity = limits.reduce((sum, limit) => sum + limit, 0);
  if (capacity < total) throw new RangeError(`Cannot distribute ${total} within limits totalling ${capacity}`);
  const given = weights.map(() => 0);
  let remaining = total;
  while (remaining > 0) {
    const open = weights
      .map((weight, index) => ({ weight, index }))
      .filter(({ weight, index }) => weight > 0 && (given[index] ?? 0) < (limits[index] ?? 0));
    if (open.length === 0) throw new RangeError('No slot can take the remainder');
    const openWeight = open.reduce((sum, slot) => sum + slot.weight, 0);
    let round = 0;
    for (const { weight, index } of open) {
      const room = (limits[index] ?? 0) - (given[index] ?? 0);
      const share = Math.min(room, Math.floor((remaining * weight) / openWeight));
      given[index] = (given[index] ?? 0) + share;
      round += share;
    }
    remaining -= round;
    if (round === 0) {
      // Shares rounded down to nothing: hand out single units, heaviest weight first.
      for (const { index } of [...open].sort((a, b) => b.weight - a.weight)) {
        if (remaining === 0) break;
        given[index] = (given[index] ?? 0) + 1;
        remaining -= 1;
      }
    }
  }
  return given;
}

/** Maximum points of a field: the sum of its criteria's. */
export function fieldMaxCents(field: FrameworkSeed['fields'][number]): number {
  return field.criteria.reduce((sum, criterion) => sum + toCents(criterion.maxPoints), 0);
}

export function frameworkMaxCents(framework: FrameworkSeed): number {
  return framework.fields.reduce((sum, field) => sum + fieldMaxCents(field), 0);
}

/**
 * Scores of every node (criteria and fields), in cents, for a result whose total is
 * `result.percent` of the framework's maximum. Points lost fall on fields in proportion to their
 * maximum times the result's `weakFields` factor, with a little seeded jitter per criterion; a
 * criterion never loses more than 85% of its maximum.
 */
export function scoreResult(framework: FrameworkSeed, result: ResultSeed): Map<string, number> {
  const maxCents = frameworkMaxCents(framework);
  const totalCents = Math.round((result.percent * maxCents) / 100);
  const random = seededRandom(`${result.unit}|${framework.level}|${framework.year}`);
  const criteria = framework.fields.flatMap((field) =>
    field.criteria.map((criterion) => ({ field: field.code, code: criterion.code, max: toCents(criterion.maxPoints) })),
  );
  const weights = criteria.map(
    (criterion) => criterion.max * (result.weakFields?.[criterion.field] ?? 1) * (0.85 + 0.3 * random()),
  );
  const limits = criteria.map((criterion) => Math.floor(criterion.max * 0.85));
  const losses = distribute(maxCents - totalCents, weights, limits);

  const scores = new Map<string, number>();
  criteria.forEach((criterion, index) => {
    const points = criterion.max - (losses[index] ?? 0);
    scores.set(criterion.code, points);
    scores.set(criterion.field, (scores.get(criterion.field) ?? 0) + points);
  });
  return scores;
}

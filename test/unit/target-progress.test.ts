// Target progress on fixed values with hand-computed answers.
import { describe, expect, it } from 'vitest';
import {
  evaluateTarget,
  linearFit,
  meets,
  yearProgress,
  type TargetFacts,
  type YearValues,
} from '../../api/services/target-progress.ts';

const y = (year: number, plannedValue: number | null, actualValue: number | null): YearValues => ({
  year,
  plannedValue,
  actualValue,
});

// 90, 91, 93 in 2021–2023: x̄ = 2022, ȳ = 91⅓, Σ(x−x̄)(y−ȳ) = 3, Σ(x−x̄)² = 2 → slope 1.5,
// intercept 91⅓ − 1.5 × 2022 = −2941⅔; in 2025: 3037.5 − 2941⅔ = 95.8333 → 95.83.
const rising: YearValues[] = [y(2021, null, 90), y(2022, 91, 91), y(2023, 92, 93), y(2024, 94, null)];
const percentTarget = (targetValue: number): TargetFacts => ({
  comparator: 'GTE',
  targetValue,
  targetYear: 2025,
  baselineYear: 2021,
});

describe('comparators', () => {
  it('compare on two decimals, lower-is-better through LT/LTE', () => {
    expect(meets('GT', 92, 92)).toBe(false);
    expect(meets('GT', 92.01, 92)).toBe(true);
    expect(meets('GTE', 92, 92)).toBe(true);
    expect(meets('LT', 3, 3)).toBe(false);
    expect(meets('LTE', 3, 6)).toBe(true);
    expect(meets('LTE', 7, 6)).toBe(false);
    expect(meets('EQ', 100.001, 100)).toBe(true);
    expect(meets('EQ', 99.99, 100)).toBe(false);
  });
});

describe('least-squares line', () => {
  it('fits 90, 91, 93 with slope 1.5', () => {
    const fit = linearFit([
      { x: 2021, y: 90 },
      { x: 2022, y: 91 },
      { x: 2023, y: 93 },
    ]);
    expect(fit?.slope).toBeCloseTo(1.5, 10);
    expect(fit?.intercept).toBeCloseTo(-2941.6667, 3);
  });

  it('has no line through fewer than two years', () => {
    expect(linearFit([{ x: 2021, y: 90 }])).toBeNull();
    expect(linearFit([])).toBeNull();
  });
});

describe('year statuses', () => {
  it('met, no interim target, not yet due from the current year on, the target year final', () => {
    const rows = yearProgress(percentTarget(96), rising, 2024);
    expect(rows.map((r) => [r.year, r.plannedValue, r.actualValue, r.status, r.final])).toEqual([
      [2021, null, 90, 'NO_INTERIM_TARGET', false],
      [2022, 91, 91, 'MET', false],
      [2023, 92, 93, 'MET', false],
      [2024, 94, null, 'NOT_YET_DUE', false],
      [2025, 96, null, 'NOT_YET_DUE', true],
    ]);
  });

  it('an ended year with a planned value and no result awaits it; a missed year is MISSED', () => {
    const rows = yearProgress(percentTarget(96), [y(2022, 91, 90.99), y(2023, null, null), y(2024, 94, null)], 2025);
    expect(rows.map((r) => r.status)).toEqual(['MISSED', 'NO_INTERIM_TARGET', 'AWAITING_RESULT', 'NOT_YET_DUE']);
  });

  it('leaves out years before the baseline year that plan nothing', () => {
    const rows = yearProgress(percentTarget(96), [y(2019, null, 80), ...rising], 2024);
    expect(rows[0]?.year).toBe(2021);
  });
});

describe('overall status', () => {
  it('is AT_RISK when the trend misses the target, with the numbers', () => {
    const result = evaluateTarget(percentTarget(96), rising, 2024);
    expect(result.projection).toMatchObject({
      method: 'LEAST_SQUARES_LINEAR',
      projectedValue: 95.83,
      years: [2021, 2022, 2023],
    });
    expect(result.status).toBe('AT_RISK');
    expect(result.reason).toBe('The trend of 2021–2023 projects 95.83 in 2025, target ≥ 96');
  });

  it('is ON_COURSE when the trend meets it', () => {
    expect(evaluateTarget(percentTarget(95.5), rising, 2024).status).toBe('ON_COURSE');
  });

  it('projects ranks downwards: 8, 6, 5 → 1.83 in 2025', () => {
    // x̄ = 2022, ȳ = 6⅓, Σ(x−x̄)(y−ȳ) = −3 → slope −1.5; 6⅓ − 1.5 × 3 = 1.8333.
    const ranks = [y(2021, null, 8), y(2022, null, 6), y(2023, null, 5)];
    const top3: TargetFacts = { comparator: 'LTE', targetValue: 3, targetYear: 2025, baselineYear: null };
    const onCourse = evaluateTarget(top3, ranks, 2024);
    expect(onCourse.projection?.projectedValue).toBe(1.83);
    expect(onCourse.projection?.slope).toBeCloseTo(-1.5, 10);
    expect(onCourse.status).toBe('ON_COURSE');
    expect(evaluateTarget({ ...top3, targetValue: 1 }, ranks, 2024).status).toBe('AT_RISK');
  });

  it('is ACHIEVED or MISSED once the target year is known, naming missed interim years', () => {
    const years = [y(2022, 92, 92.64), y(2023, 92, 91.47), y(2024, 92, 92.35), y(2025, 92, 93.12)];
    const above92: TargetFacts = { comparator: 'GT', targetValue: 92, targetYear: 2025, baselineYear: 2021 };
    const achieved = evaluateTarget(above92, years, 2026);
    expect(achieved.status).toBe('ACHIEVED');
    expect(achieved.reason).toBe('2025: 93.12, target > 92; interim value missed in 2023');
    const missed = evaluateTarget({ ...above92, targetValue: 93.5 }, years, 2026);
    expect(missed.status).toBe('MISSED');
    expect(missed.reason).toBe('2025: 93.12, target > 93.5; interim value missed in 2023');
  });

  it('judges by the only known value when there is no trend, and has NO_DATA without any', () => {
    const one = evaluateTarget(percentTarget(92), [y(2023, null, 91)], 2024);
    expect(one.projection).toBeNull();
    expect(one.status).toBe('AT_RISK');
    expect(one.reason).toBe('Only 2023 is known (91), target ≥ 92 in 2025');
    expect(evaluateTarget(percentTarget(92), [y(2023, 90, null)], 2024)).toMatchObject({
      status: 'NO_DATA',
      reason: 'No actual value yet',
      projection: null,
    });
  });

  it('keeps a flat series on course for EQ', () => {
    const flat = [y(2022, 100, 100), y(2023, 100, 100), y(2024, 100, 100)];
    const result = evaluateTarget(
      { comparator: 'EQ', targetValue: 100, targetYear: 2025, baselineYear: null },
      flat,
      2025,
    );
    expect(result.projection).toMatchObject({ slope: 0, projectedValue: 100 });
    expect(result.status).toBe('ON_COURSE');
  });
});

// The rules a target keeps, as plain functions: baseline, metric and sector, the target a change
// leaves, and where a year's actual value may be recorded.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../api/errors.ts';
import {
  changedTarget,
  checkBaseline,
  checkMetric,
  checkTarget,
  checkYearValues,
  type TargetFacts,
} from '../../api/services/target.ts';

/** The input field a rule names when it refuses, or null when it accepts. */
function refusal(rule: () => void): { field: string; message: string } | null {
  try {
    rule();
    return null;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    const [problem] = error.extensions.fields as { field: string; message: string }[];
    return problem ?? null;
  }
}

const manual: TargetFacts = {
  metric: 'MANUAL',
  sector: null,
  unitId: null,
  baselineValue: 85,
  baselineYear: 2020,
  targetYear: 2025,
};

describe('a target baseline', () => {
  it('is a value and its year together, or neither', () => {
    expect(refusal(() => checkBaseline({ baselineValue: null, baselineYear: null, targetYear: 2025 }))).toBeNull();
    expect(refusal(() => checkBaseline({ baselineValue: 85, baselineYear: 2020, targetYear: 2025 }))).toBeNull();
    expect(refusal(() => checkBaseline({ baselineValue: 85, baselineYear: null, targetYear: 2025 }))).toEqual({
      field: 'input.baselineYear',
      message: 'Give the baseline value and its year together',
    });
    expect(refusal(() => checkBaseline({ baselineValue: null, baselineYear: 2020, targetYear: 2025 }))?.field).toBe(
      'input.baselineYear',
    );
  });

  it('counts a baseline value of 0 as given', () => {
    expect(refusal(() => checkBaseline({ baselineValue: 0, baselineYear: 2020, targetYear: 2025 }))).toBeNull();
    expect(refusal(() => checkBaseline({ baselineValue: 0, baselineYear: null, targetYear: 2025 }))).not.toBeNull();
  });

  it('comes no later than the target year (the same year is allowed)', () => {
    expect(refusal(() => checkBaseline({ baselineValue: 85, baselineYear: 2025, targetYear: 2025 }))).toBeNull();
    expect(refusal(() => checkBaseline({ baselineValue: 85, baselineYear: 2026, targetYear: 2025 }))).toEqual({
      field: 'input.baselineYear',
      message: 'The baseline year cannot come after the target year',
    });
  });
});

describe("a target's metric", () => {
  it('lets a MANUAL target stand without a unit or sector', () => {
    expect(refusal(() => checkMetric({ metric: 'MANUAL', sector: null, unitId: null }))).toBeNull();
  });

  it('needs the unit whose results a derived metric reads', () => {
    for (const metric of ['PAR_INDEX_PERCENT', 'PAR_INDEX_RANK'] as const) {
      expect(refusal(() => checkMetric({ metric, sector: null, unitId: 7 }))).toBeNull();
      expect(refusal(() => checkMetric({ metric, sector: null, unitId: null }))).toEqual({
        field: 'input.unitId',
        message: `A ${metric} target needs the unit whose results it reads`,
      });
    }
  });

  it('gives a sector to SATISFACTION_PERCENT targets, and to no other', () => {
    expect(refusal(() => checkMetric({ metric: 'SATISFACTION_PERCENT', sector: 'HEALTH', unitId: 7 }))).toBeNull();
    expect(refusal(() => checkMetric({ metric: 'SATISFACTION_PERCENT', sector: null, unitId: 7 }))).toEqual({
      field: 'input.sector',
      message: 'A SATISFACTION_PERCENT target needs the sector surveyed',
    });
    expect(refusal(() => checkMetric({ metric: 'PAR_INDEX_PERCENT', sector: 'HEALTH', unitId: 7 }))).toEqual({
      field: 'input.sector',
      message: 'Only a SATISFACTION_PERCENT target has a sector, not PAR_INDEX_PERCENT',
    });
    expect(refusal(() => checkMetric({ metric: 'MANUAL', sector: 'EDUCATION', unitId: null }))?.field).toBe(
      'input.sector',
    );
  });

  it('names the sector before the unit when both are wrong', () => {
    expect(refusal(() => checkMetric({ metric: 'SATISFACTION_PERCENT', sector: null, unitId: null }))?.field).toBe(
      'input.sector',
    );
  });
});

describe('all the rules of a target', () => {
  it('checks the baseline first, then the metric', () => {
    expect(refusal(() => checkTarget(manual))).toBeNull();
    const bothWrong: TargetFacts = { ...manual, metric: 'PAR_INDEX_RANK', baselineYear: 2030 };
    expect(refusal(() => checkTarget(bothWrong))?.field).toBe('input.baselineYear');
    expect(refusal(() => checkTarget({ ...bothWrong, baselineYear: 2020 }))?.field).toBe('input.unitId');
  });
});

describe('the target a change leaves', () => {
  it('keeps what the change omits', () => {
    expect(changedTarget(manual, {})).toEqual(manual);
  });

  it('clears optional fields given as null, and keeps required ones', () => {
    const indexed: TargetFacts = { ...manual, metric: 'PAR_INDEX_PERCENT', unitId: 7 };
    expect(changedTarget(indexed, { unitId: null, baselineValue: null, baselineYear: null, metric: null })).toEqual({
      ...indexed,
      unitId: null,
      baselineValue: null,
      baselineYear: null,
    });
    expect(changedTarget(manual, { targetYear: null }).targetYear).toBe(2025);
  });

  it('takes the new values, so the rules judge the target as it would be', () => {
    const next = changedTarget(manual, {
      metric: 'SATISFACTION_PERCENT',
      sector: 'EDUCATION',
      unitId: 3,
      targetYear: 2030,
    });
    expect(next).toEqual({
      ...manual,
      metric: 'SATISFACTION_PERCENT',
      sector: 'EDUCATION',
      unitId: 3,
      targetYear: 2030,
    });
    expect(refusal(() => checkTarget(next))).toBeNull();
    // Moving the target year before the stored baseline breaks the baseline rule.
    expect(refusal(() => checkTarget(changedTarget(manual, { targetYear: 2019 })))?.field).toBe('input.baselineYear');
    // A derived metric without giving the unit: the stored one (none) is judged.
    expect(refusal(() => checkTarget(changedTarget(manual, { metric: 'PAR_INDEX_RANK' })))?.field).toBe('input.unitId');
  });
});

describe("a target year's values", () => {
  it('records actual values on MANUAL targets only', () => {
    expect(refusal(() => checkYearValues('MANUAL', { actualValue: 91.5 }))).toBeNull();
    expect(refusal(() => checkYearValues('PAR_INDEX_PERCENT', { actualValue: 91.5 }))).toEqual({
      field: 'input.actualValue',
      message: "The actual values of a PAR_INDEX_PERCENT target come from the unit's results; record them there",
    });
    expect(refusal(() => checkYearValues('SATISFACTION_PERCENT', { actualValue: 0 }))?.field).toBe('input.actualValue');
  });

  it('lets any target plan a year or clear its actual value', () => {
    expect(refusal(() => checkYearValues('PAR_INDEX_RANK', {}))).toBeNull();
    expect(refusal(() => checkYearValues('PAR_INDEX_RANK', { actualValue: null }))).toBeNull();
  });
});

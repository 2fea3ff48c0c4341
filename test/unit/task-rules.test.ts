import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../api/context.ts';
import { ValidationError } from '../../api/errors.ts';
import { checkTaskPlan, diffTask, forbiddenTaskChanges } from '../../api/services/tasks.ts';

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
const viewer = (role: Viewer['role'], unitId: number | null = null): Viewer => ({
  accountId: 1,
  role,
  unitId,
  sessionId: 's',
});

describe('task rules', () => {
  it('refuses a deadline before the start date, naming the field', () => {
    const attempt = () =>
      checkTaskPlan({
        startDate: day('2026-03-10'),
        deadline: day('2026-03-09'),
        leadUnitId: 1,
        supportingUnitIds: [],
        progress: 0,
      });
    expect(attempt).toThrow(ValidationError);
    expect(attempt).toThrow(/input\.deadline/);
  });

  it('accepts a deadline on the start date', () => {
    expect(() =>
      checkTaskPlan({
        startDate: day('2026-03-10'),
        deadline: day('2026-03-10'),
        leadUnitId: 1,
        supportingUnitIds: [],
        progress: 0,
      }),
    ).not.toThrow();
  });

  it('refuses the lead unit among the supporting units', () => {
    expect(() =>
      checkTaskPlan({
        startDate: day('2026-03-10'),
        deadline: day('2026-04-10'),
        leadUnitId: 3,
        supportingUnitIds: [2, 3],
        progress: 0,
      }),
    ).toThrow(/supportingUnitIds/);
  });

  it('finds only the fields that really change', () => {
    const before = { title: 'A', progress: 10, supportingUnitIds: [1, 2] };
    expect(diffTask(before, { title: 'A', progress: 20, supportingUnitIds: [1, 2] })).toEqual({
      progress: { before: 10, after: 20 },
    });
  });

  it('lets the secretariat change anything', () => {
    expect(forbiddenTaskChanges(viewer('ADMIN'), 5, ['title', 'deadline', 'progress'])).toEqual([]);
  });

  it('lets the head of the lead unit report progress only', () => {
    expect(forbiddenTaskChanges(viewer('UNIT_HEAD', 5), 5, ['progress'])).toEqual([]);
    expect(forbiddenTaskChanges(viewer('UNIT_HEAD', 5), 5, ['progress', 'title'])).toEqual(['title']);
  });

  it('lets nobody else change a task', () => {
    expect(forbiddenTaskChanges(viewer('UNIT_HEAD', 6), 5, ['progress'])).toEqual(['progress']);
    expect(forbiddenTaskChanges(viewer('COMMITTEE'), 5, ['progress'])).toEqual(['progress']);
    expect(forbiddenTaskChanges(viewer('ANALYST'), 5, ['progress'])).toEqual(['progress']);
  });
});

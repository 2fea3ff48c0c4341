import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../api/context.ts';
import { ForbiddenError, InvalidTransitionError, ValidationError } from '../../api/errors.ts';
import { allowedTaskActions } from '../../api/services/task-actions.ts';
import { assertTaskAction } from '../../api/services/task-workflow.ts';
import { checkTaskPlan, diffTask } from '../../api/services/task.ts';
import type { TaskStatus } from '../../generated/prisma/client.ts';

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

  it('lets only the secretariat edit the plan of an open task', () => {
    const open = { leadUnitId: 5, supportingUnitIds: [6], status: 'IN_PROGRESS' as const };
    expect(allowedTaskActions(viewer('ADMIN'), open)).toContain('EDIT');
    for (const v of [viewer('UNIT_HEAD', 5), viewer('COMMITTEE'), viewer('ANALYST')]) {
      expect(allowedTaskActions(v, open)).not.toContain('EDIT');
    }
  });
});

describe('task workflow', () => {
  const task = (status: TaskStatus) => ({ id: 9, leadUnitId: 5, supportingUnitIds: [6], status });

  it('gives the head of the lead unit the unit’s steps and the committee the reviewer’s', () => {
    expect(allowedTaskActions(viewer('UNIT_HEAD', 5), task('IN_PROGRESS'))).toEqual([
      'REPORT_PROGRESS',
      'SUBMIT',
      'COMMENT',
      'ADD_EVIDENCE',
      'REQUEST_EXTENSION',
    ]);
    expect(allowedTaskActions(viewer('COMMITTEE'), task('SUBMITTED'))).toEqual([
      'APPROVE',
      'RETURN',
      'COMMENT',
      'REVIEW_EVIDENCE',
      'DECIDE_EXTENSION',
    ]);
  });

  it('lets a supporting unit only comment and add evidence, and an analyst or stranger nothing', () => {
    expect(allowedTaskActions(viewer('UNIT_HEAD', 6), task('IN_PROGRESS'))).toEqual(['COMMENT', 'ADD_EVIDENCE']);
    expect(allowedTaskActions(viewer('UNIT_HEAD', 7), task('IN_PROGRESS'))).toEqual([]);
    expect(allowedTaskActions(viewer('ANALYST'), task('IN_PROGRESS'))).toEqual([]);
    expect(allowedTaskActions(null, task('IN_PROGRESS'))).toEqual([]);
  });

  it('leaves only comments on a finished task', () => {
    for (const status of ['COMPLETED', 'CANCELLED'] as const) {
      expect(allowedTaskActions(viewer('ADMIN'), task(status))).toEqual(['COMMENT']);
    }
  });

  it('moves each step to its status and refuses a step from the wrong status with INVALID_TRANSITION', () => {
    expect(assertTaskAction(viewer('UNIT_HEAD', 5), task('RETURNED'), 'SUBMIT')).toBe('SUBMITTED');
    expect(assertTaskAction(viewer('COMMITTEE'), task('SUBMITTED'), 'RETURN')).toBe('RETURNED');
    expect(() => assertTaskAction(viewer('COMMITTEE'), task('IN_PROGRESS'), 'APPROVE')).toThrow(InvalidTransitionError);
    expect(() => assertTaskAction(viewer('UNIT_HEAD', 5), task('SUBMITTED'), 'SUBMIT')).toThrow(
      /only from IN_PROGRESS or RETURNED/,
    );
  });

  it('refuses the wrong party with FORBIDDEN before looking at the status', () => {
    expect(() => assertTaskAction(viewer('UNIT_HEAD', 5), task('SUBMITTED'), 'APPROVE')).toThrow(ForbiddenError);
    expect(() => assertTaskAction(viewer('UNIT_HEAD', 6), task('IN_PROGRESS'), 'SUBMIT')).toThrow(ForbiddenError);
    expect(() => assertTaskAction(viewer('COMMITTEE'), task('SUBMITTED'), 'CANCEL')).toThrow(ForbiddenError);
  });
});

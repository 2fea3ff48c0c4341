// The rule tables of the workflows: what each party may do from each state, the scopes derived from
// them, and the refusals the services raise from them.
import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../api/context.ts';
import { ForbiddenError, InvalidTransitionError } from '../../api/errors.ts';
import { rolesFor, type WorkflowParty } from '../../api/schema/access.ts';
import { accountRules, allowedAccountActions } from '../../api/services/account.ts';
import { allowedEvidenceActions, evidenceRules } from '../../api/services/evidence.ts';
import { allowedExtensionActions, extensionRules } from '../../api/services/deadline-extension.ts';
import { allowedPlanActions, assertPlanAction, mayDraftFor, planRules } from '../../api/services/improvement-plan.ts';
import type { Rules } from '../../api/services/rules.ts';
import { allowedTaskActions } from '../../api/services/task-actions.ts';
import { taskRules } from '../../api/services/task-workflow.ts';
import type { ExtensionStatus, PlanStatus, TaskStatus } from '../../generated/prisma/client.ts';

const viewer = (role: Viewer['role'], unitId: number | null = null, accountId = 1): Viewer => ({
  accountId,
  role,
  unitId,
  sessionId: 's',
});
const admin = viewer('ADMIN');
const committee = viewer('COMMITTEE');
const leadHead = viewer('UNIT_HEAD', 5);
const supportHead = viewer('UNIT_HEAD', 6);
const otherHead = viewer('UNIT_HEAD', 7);
const analyst = viewer('ANALYST');

describe('improvement plan rules', () => {
  const plan = (status: PlanStatus) => ({ id: 3, unitId: 5, status, version: 1 });

  it('gives the unit and the secretariat the drafting steps while the plan is with the unit', () => {
    for (const status of ['DRAFT', 'RETURNED'] as const) {
      expect(allowedPlanActions(leadHead, plan(status))).toEqual(['EDIT', 'SUBMIT']);
      expect(allowedPlanActions(admin, plan(status))).toEqual(['EDIT', 'SUBMIT']);
      expect(allowedPlanActions(committee, plan(status))).toEqual([]);
    }
  });

  it('gives the reviewers the review of a submitted plan, and no one anything once approved', () => {
    expect(allowedPlanActions(committee, plan('SUBMITTED'))).toEqual(['APPROVE', 'RETURN']);
    expect(allowedPlanActions(admin, plan('SUBMITTED'))).toEqual(['APPROVE', 'RETURN']);
    expect(allowedPlanActions(leadHead, plan('SUBMITTED'))).toEqual([]);
    for (const v of [admin, committee, leadHead]) expect(allowedPlanActions(v, plan('APPROVED'))).toEqual([]);
  });

  it('gives the head of another unit, an analyst and an anonymous caller nothing', () => {
    for (const status of ['DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'] as const) {
      for (const v of [otherHead, analyst, null]) expect(allowedPlanActions(v, plan(status))).toEqual([]);
    }
  });

  it('lets a head draft only for their own unit, and refuses steps from the table', () => {
    expect(mayDraftFor(leadHead, 5)).toBe(true);
    expect(mayDraftFor(otherHead, 5)).toBe(false);
    expect(mayDraftFor(admin, 5)).toBe(true);
    expect(mayDraftFor(committee, 5)).toBe(false);
    expect(assertPlanAction(leadHead, plan('DRAFT'), 'SUBMIT', 1)).toBe('SUBMITTED');
    expect(() => assertPlanAction(otherHead, plan('DRAFT'), 'SUBMIT', 1)).toThrow(ForbiddenError);
    expect(() => assertPlanAction(committee, plan('DRAFT'), 'APPROVE', 1)).toThrow(InvalidTransitionError);
  });
});

describe('evidence rules', () => {
  const task = (status: TaskStatus) => ({ leadUnitId: 5, supportingUnitIds: [6], status });

  it('lets the reviewers review evidence while the task is open', () => {
    for (const status of ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'] as const) {
      expect(allowedEvidenceActions(committee, task(status))).toEqual(['REVIEW']);
      expect(allowedEvidenceActions(admin, task(status))).toEqual(['REVIEW']);
      for (const v of [leadHead, supportHead, otherHead, analyst, null]) {
        expect(allowedEvidenceActions(v, task(status))).toEqual([]);
      }
    }
    for (const status of ['COMPLETED', 'CANCELLED'] as const) {
      expect(allowedEvidenceActions(committee, task(status))).toEqual([]);
    }
  });

  it("is the source of the task's evidence actions", () => {
    expect(allowedTaskActions(supportHead, task('IN_PROGRESS'))).toEqual(['COMMENT', 'ADD_EVIDENCE']);
    expect(allowedTaskActions(supportHead, task('SUBMITTED'))).toEqual(['COMMENT']);
    expect(allowedTaskActions(committee, task('IN_PROGRESS'))).toContain('REVIEW_EVIDENCE');
  });
});

describe('extension rules', () => {
  const task = (status: TaskStatus) => ({ leadUnitId: 5, supportingUnitIds: [6], status });
  const request = (status: ExtensionStatus) => ({ status });

  it('lets the lead unit withdraw and the reviewers decide a pending request', () => {
    expect(allowedExtensionActions(leadHead, task('IN_PROGRESS'), request('PENDING'))).toEqual(['WITHDRAW']);
    expect(allowedExtensionActions(committee, task('IN_PROGRESS'), request('PENDING'))).toEqual(['DECIDE']);
    expect(allowedExtensionActions(admin, task('SUBMITTED'), request('PENDING'))).toEqual(['WITHDRAW', 'DECIDE']);
    for (const v of [supportHead, otherHead, analyst, null]) {
      expect(allowedExtensionActions(v, task('IN_PROGRESS'), request('PENDING'))).toEqual([]);
    }
  });

  it('leaves a settled request alone, and a closed task to withdrawal only', () => {
    for (const status of ['APPROVED', 'REJECTED', 'WITHDRAWN'] as const) {
      for (const v of [admin, committee, leadHead]) {
        expect(allowedExtensionActions(v, task('IN_PROGRESS'), request(status))).toEqual([]);
      }
    }
    expect(allowedExtensionActions(committee, task('COMPLETED'), request('PENDING'))).toEqual([]);
    expect(allowedExtensionActions(leadHead, task('COMPLETED'), request('PENDING'))).toEqual(['WITHDRAW']);
  });

  it("is the source of the task's extension actions", () => {
    expect(allowedTaskActions(leadHead, task('IN_PROGRESS'))).toContain('REQUEST_EXTENSION');
    expect(allowedTaskActions(leadHead, task('SUBMITTED'))).not.toContain('REQUEST_EXTENSION');
    expect(allowedTaskActions(committee, task('SUBMITTED'))).toContain('DECIDE_EXTENSION');
  });
});

describe('account rules', () => {
  const self = viewer('ADMIN', null, 9);

  it('gives the secretariat every step on another account, by its state', () => {
    expect(allowedAccountActions(self, { id: 2, disabled: false })).toEqual([
      'UPDATE',
      'DISABLE',
      'RESET_PASSWORD',
      'UNLOCK_SIGN_IN',
    ]);
    expect(allowedAccountActions(self, { id: 2, disabled: true })).toEqual([
      'UPDATE',
      'ENABLE',
      'RESET_PASSWORD',
      'UNLOCK_SIGN_IN',
    ]);
  });

  it('keeps the secretariat from disabling its own account or resetting its own password', () => {
    expect(allowedAccountActions(self, { id: 9, disabled: false })).toEqual(['UPDATE', 'UNLOCK_SIGN_IN']);
  });

  it('gives every other role nothing, its own account included', () => {
    for (const role of ['COMMITTEE', 'UNIT_HEAD', 'ANALYST'] as const) {
      expect(allowedAccountActions(viewer(role, null, 2), { id: 2, disabled: false })).toEqual([]);
    }
    expect(allowedAccountActions(null, { id: 2, disabled: false })).toEqual([]);
  });
});

function everyScope<Action extends string, Party extends WorkflowParty, State extends string>(
  rules: Rules<Action, Party, State>,
) {
  return (Object.keys(rules) as Action[]).map((action) => [action, rolesFor(rules, action)] as const);
}

describe('scopes derived from the rule tables', () => {
  const roles = (scope: { roles: readonly string[] }) => [...scope.roles].sort();

  it("opens each mutation to the roles that can be one of its step's parties", () => {
    expect(roles(rolesFor(taskRules, 'START'))).toEqual(['ADMIN', 'UNIT_HEAD']);
    expect(roles(rolesFor(taskRules, 'APPROVE'))).toEqual(['ADMIN', 'COMMITTEE']);
    expect(roles(rolesFor(taskRules, 'CANCEL'))).toEqual(['ADMIN']);
    expect(roles(rolesFor(taskRules, 'COMMENT'))).toEqual(['ADMIN', 'COMMITTEE', 'UNIT_HEAD']);
    expect(roles(rolesFor(evidenceRules, 'ADD'))).toEqual(['ADMIN', 'UNIT_HEAD']);
    expect(roles(rolesFor(evidenceRules, 'REVIEW'))).toEqual(['ADMIN', 'COMMITTEE']);
    expect(roles(rolesFor(extensionRules, 'WITHDRAW'))).toEqual(['ADMIN', 'UNIT_HEAD']);
    expect(roles(rolesFor(extensionRules, 'DECIDE'))).toEqual(['ADMIN', 'COMMITTEE']);
    expect(roles(rolesFor(planRules, 'CREATE'))).toEqual(['ADMIN', 'UNIT_HEAD']);
    expect(roles(rolesFor(planRules, 'RETURN'))).toEqual(['ADMIN', 'COMMITTEE']);
    // The secretariat's own account is still the secretariat's.
    expect(roles(rolesFor(accountRules, 'UPDATE'))).toEqual(['ADMIN']);
  });

  it('never opens a step to no one or to analysts', () => {
    const scopes = [
      ...everyScope(taskRules),
      ...everyScope(evidenceRules),
      ...everyScope(extensionRules),
      ...everyScope(planRules),
      ...everyScope(accountRules),
    ];
    for (const [action, scope] of scopes) {
      expect(scope.roles.length, action).toBeGreaterThan(0);
      expect(scope.roles, action).not.toContain('ANALYST');
    }
  });
});

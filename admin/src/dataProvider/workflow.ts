// The calls that are not CRUD: a task's workflow steps, its evidence and extension requests, the
// signed-in account's password, the secretariat's password resets and the dashboard's read-only queries.
// They go through session.ts (the same endpoint and bearer token as the
// Apollo client) and are offered as extra methods of the data provider, so pages call them through
// react-admin's useDataProvider, which signs out on an expired session like any other call.
import type { EnumValue } from '../enums';
import { downloadWithSession, requestGraphQL, requestGraphQLWithFiles } from '../session';
import { fromApiError } from './errors';

export type TaskAction = EnumValue<'TaskAction'>;

/** What a workflow step returns: enough to know it happened; the page then reloads the task. */
export interface TaskStepResult {
  id: string;
  version: number;
  status: string;
}

export interface VersionedStep {
  /** Global id of the task, e.g. "Task:12". */
  id: string;
  /** The version the step is based on: the API refuses an outdated one with CONFLICT. */
  version: number;
}

export interface NoteStep extends VersionedStep {
  note?: string | null;
}

export interface ReasonStep extends VersionedStep {
  reason: string;
}

export interface ProgressStep extends NoteStep {
  progress?: number | null;
}

export type EvidenceDraft =
  | { kind: 'DOCUMENT'; title: string; documentNumber: string; documentDate: string; issuer: string }
  | { kind: 'LINK'; title: string; url: string };

export interface WorkflowMethods {
  startTask(params: NoteStep): Promise<TaskStepResult>;
  reportProgress(params: ProgressStep): Promise<TaskStepResult>;
  submitTask(params: NoteStep): Promise<TaskStepResult>;
  approveTask(params: NoteStep): Promise<TaskStepResult>;
  returnTask(params: ReasonStep): Promise<TaskStepResult>;
  cancelTask(params: ReasonStep): Promise<TaskStepResult>;
  commentOnTask(params: { id: string; note: string }): Promise<{ id: string }>;
  requestExtension(params: { taskId: string; requestedDeadline: string; reason: string }): Promise<{ id: string }>;
  withdrawExtension(params: { id: string }): Promise<{ id: string }>;
  decideExtension(params: { id: string; decision: 'APPROVED' | 'REJECTED'; note?: string | null }): Promise<{
    id: string;
  }>;
  addEvidence(params: { taskId: string; input: EvidenceDraft }): Promise<{ id: string }>;
  uploadEvidence(params: { taskId: string; title: string; file: File }): Promise<{ id: string }>;
  /** A decision on evidence, based on the version of it that the reviewer saw (CONFLICT when outdated). */
  reviewEvidence(params: {
    id: string;
    version: number;
    decision: 'ACCEPTED' | 'REJECTED';
    note?: string | null;
  }): Promise<{ id: string }>;
  /** Fetches an evidence file with the session's token and saves it. */
  downloadEvidence(params: { url: string; fileName: string }): Promise<void>;
  changePassword(params: { currentPassword: string; newPassword: string }): Promise<void>;
  /** The secretariat sets another account's password; that account's sessions end. */
  resetPassword(params: { id: string; newPassword: string }): Promise<void>;
  /** The secretariat lifts the sign-in locks on a username; resolves to whether there was one. */
  unlockSignIn(params: { username: string }): Promise<boolean>;
  /** An improvement plan drafted or changed through its own form; resolves to the saved plan's id. */
  saveImprovementPlan(params: PlanSave): Promise<{ id: string; version: number }>;
  submitImprovementPlan(params: VersionedStep): Promise<TaskStepResult>;
  approveImprovementPlan(params: NoteStep): Promise<TaskStepResult>;
  returnImprovementPlan(params: ReasonStep): Promise<TaskStepResult>;
  /** A read-only query the CRUD methods do not cover (the dashboard's aggregates); resolves to its data. */
  readQuery<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

const taskResult = 'id version status';

/** A new plan (`create`) or a change to one (`update`, naming the version read). */
export type PlanSave =
  { create: Record<string, unknown> } | { update: { id: string; version: number; input: Record<string, unknown> } };

/** A blank note is no note. */
const optional = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

async function call<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (error) {
    throw fromApiError(error);
  }
}

async function mutate<T>(field: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const data = await call(requestGraphQL<Record<string, T>>(query, variables));
  return data[field] as T;
}

const noteStep = (field: string) => (params: NoteStep) =>
  mutate<TaskStepResult>(
    field,
    `mutation ${field}($id: ID!, $version: Int!, $note: String) {
      ${field}(id: $id, version: $version, note: $note) { ${taskResult} }
    }`,
    { id: params.id, version: params.version, note: optional(params.note) },
  );

const reasonStep = (field: string) => (params: ReasonStep) =>
  mutate<TaskStepResult>(
    field,
    `mutation ${field}($id: ID!, $version: Int!, $reason: String!) {
      ${field}(id: $id, version: $version, reason: $reason) { ${taskResult} }
    }`,
    { id: params.id, version: params.version, reason: params.reason.trim() },
  );

export const workflowMethods: WorkflowMethods = {
  startTask: noteStep('startTask'),
  submitTask: noteStep('submitTask'),
  approveTask: noteStep('approveTask'),
  returnTask: reasonStep('returnTask'),
  cancelTask: reasonStep('cancelTask'),

  reportProgress: (params) =>
    mutate(
      'reportProgress',
      `mutation reportProgress($id: ID!, $version: Int!, $progress: Int, $note: String) {
        reportProgress(id: $id, version: $version, progress: $progress, note: $note) { ${taskResult} }
      }`,
      { id: params.id, version: params.version, progress: params.progress ?? null, note: optional(params.note) },
    ),

  commentOnTask: (params) =>
    mutate(
      'commentOnTask',
      `mutation commentOnTask($id: ID!, $note: String!) { commentOnTask(id: $id, note: $note) { id } }`,
      { id: params.id, note: params.note.trim() },
    ),

  requestExtension: (params) =>
    mutate(
      'requestExtension',
      `mutation requestExtension($taskId: ID!, $requestedDeadline: Date!, $reason: String!) {
        requestExtension(taskId: $taskId, requestedDeadline: $requestedDeadline, reason: $reason) { id }
      }`,
      { taskId: params.taskId, requestedDeadline: params.requestedDeadline, reason: params.reason.trim() },
    ),

  withdrawExtension: (params) =>
    mutate('withdrawExtension', `mutation withdrawExtension($id: ID!) { withdrawExtension(id: $id) { id } }`, {
      id: params.id,
    }),

  decideExtension: (params) =>
    mutate(
      'decideExtension',
      `mutation decideExtension($id: ID!, $decision: ExtensionDecision!, $note: String) {
        decideExtension(id: $id, decision: $decision, note: $note) { id }
      }`,
      { id: params.id, decision: params.decision, note: optional(params.note) },
    ),

  addEvidence: (params) =>
    mutate(
      'addEvidence',
      `mutation addEvidence($taskId: ID!, $input: AddEvidenceInput!) {
        addEvidence(taskId: $taskId, input: $input) { id }
      }`,
      { taskId: params.taskId, input: params.input },
    ),

  uploadEvidence: async (params) => {
    const data = await call(
      requestGraphQLWithFiles<{ uploadEvidence: { id: string } }>(
        `mutation uploadEvidence($taskId: ID!, $title: String!, $file: File!) {
          uploadEvidence(taskId: $taskId, title: $title, file: $file) { id }
        }`,
        { taskId: params.taskId, title: params.title.trim() },
        { file: params.file },
      ),
    );
    return data.uploadEvidence;
  },

  reviewEvidence: (params) =>
    mutate(
      'reviewEvidence',
      `mutation reviewEvidence($id: ID!, $version: Int!, $decision: EvidenceDecision!, $note: String) {
        reviewEvidence(id: $id, version: $version, decision: $decision, note: $note) { id }
      }`,
      { id: params.id, version: params.version, decision: params.decision, note: optional(params.note) },
    ),

  downloadEvidence: (params) => call(downloadWithSession(params.url, params.fileName)),

  changePassword: async (params) => {
    await mutate(
      'changePassword',
      `mutation changePassword($currentPassword: String!, $newPassword: String!) {
        changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
      }`,
      params,
    );
  },

  resetPassword: async (params) => {
    await mutate(
      'resetPassword',
      `mutation resetPassword($id: ID!, $newPassword: String!) {
        resetPassword(id: $id, newPassword: $newPassword) { id }
      }`,
      params,
    );
  },

  unlockSignIn: (params) =>
    mutate<boolean>(
      'unlockSignIn',
      `mutation unlockSignIn($username: String!) { unlockSignIn(username: $username) }`,
      params,
    ),

  saveImprovementPlan: (params) =>
    'create' in params
      ? mutate(
          'createImprovementPlan',
          `mutation createImprovementPlan($input: CreateImprovementPlanInput!) {
            createImprovementPlan(input: $input) { id version }
          }`,
          { input: params.create },
        )
      : mutate(
          'updateImprovementPlan',
          `mutation updateImprovementPlan($id: ID!, $version: Int!, $input: UpdateImprovementPlanInput!) {
            updateImprovementPlan(id: $id, version: $version, input: $input) { id version }
          }`,
          params.update,
        ),

  submitImprovementPlan: (params) =>
    mutate(
      'submitImprovementPlan',
      `mutation submitImprovementPlan($id: ID!, $version: Int!) {
        submitImprovementPlan(id: $id, version: $version) { ${taskResult} }
      }`,
      { id: params.id, version: params.version },
    ),
  approveImprovementPlan: noteStep('approveImprovementPlan'),
  returnImprovementPlan: reasonStep('returnImprovementPlan'),

  readQuery: <T>(query: string, variables: Record<string, unknown> = {}) => call(requestGraphQL<T>(query, variables)),
};

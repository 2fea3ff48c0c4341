import type { Prisma, TaskStatus } from '../../generated/prisma/client.ts';
import { addDays } from './calendar.ts';

/**
 * How a task stands against its deadline, derived from dates, never typed in. The four categories
 * used for tasks assigned by the Government (completed on time, completed late, open within the
 * deadline, open and overdue), with "open within the deadline" split into on track and due soon, and
 * work finished after the original deadline but within an approved extension kept apart.
 */
export type Timeliness =
  'ON_TRACK' | 'DUE_SOON' | 'OVERDUE' | 'COMPLETED_ON_TIME' | 'COMPLETED_WITHIN_EXTENSION' | 'COMPLETED_LATE';

export const timelinessValues: readonly Timeliness[] = [
  'ON_TRACK',
  'DUE_SOON',
  'OVERDUE',
  'COMPLETED_ON_TIME',
  'COMPLETED_WITHIN_EXTENSION',
  'COMPLETED_LATE',
];

/** Statuses in which the task is still the unit's to finish. */
export const openStatuses: readonly TaskStatus[] = ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'];

export interface TaskDates {
  status: TaskStatus;
  deadline: Date;
  originalDeadline: Date;
  completedOn: Date | null;
}

/** Null for a cancelled task: it has no timeliness. */
export function timelinessOf(task: TaskDates, today: Date, dueSoonDays: number): Timeliness | null {
  if (task.status === 'CANCELLED') return null;
  if (task.status === 'COMPLETED') {
    const done = task.completedOn ?? today;
    if (done <= task.originalDeadline) return 'COMPLETED_ON_TIME';
    if (done <= task.deadline) return 'COMPLETED_WITHIN_EXTENSION';
    return 'COMPLETED_LATE';
  }
  if (task.deadline < today) return 'OVERDUE';
  if (task.deadline <= addDays(today, dueSoonDays)) return 'DUE_SOON';
  return 'ON_TRACK';
}

/** Column references, for comparing one date column with another in a where clause. */
export interface TaskDateFields {
  deadline: Prisma.FieldRef<'Task', 'DateTime'>;
  originalDeadline: Prisma.FieldRef<'Task', 'DateTime'>;
}

/** The `where` clause selecting exactly the tasks whose timeliness is `value`. */
export function timelinessWhere(
  value: Timeliness,
  today: Date,
  dueSoonDays: number,
  fields: TaskDateFields,
): Prisma.TaskWhereInput {
  const open = { status: { in: [...openStatuses] } };
  switch (value) {
    case 'OVERDUE':
      return { ...open, deadline: { lt: today } };
    case 'DUE_SOON':
      return { ...open, deadline: { gte: today, lte: addDays(today, dueSoonDays) } };
    case 'ON_TRACK':
      return { ...open, deadline: { gt: addDays(today, dueSoonDays) } };
    case 'COMPLETED_ON_TIME':
      return { status: 'COMPLETED', completedOn: { lte: fields.originalDeadline } };
    case 'COMPLETED_WITHIN_EXTENSION':
      return {
        status: 'COMPLETED',
        AND: [{ completedOn: { gt: fields.originalDeadline } }, { completedOn: { lte: fields.deadline } }],
      };
    case 'COMPLETED_LATE':
      return { status: 'COMPLETED', completedOn: { gt: fields.deadline } };
  }
}

// Writes that lose cleanly to a concurrent writer: a task change guarded by the version its writer read,
// and the end of an extension request guarded by its pending status.
import type { Prisma, TaskEventType, TaskStatus } from '../../generated/prisma/client.ts';
import { viewerOf } from '../context.ts';
import { ConflictError } from '../errors.ts';
import type { Changes } from './audit.ts';
import type { Write } from './mutation.ts';
import type { loadTaskVersion } from './task.ts';

export type LoadedTask = Awaited<ReturnType<typeof loadTaskVersion>>;

export interface StepChange {
  data: Prisma.TaskUncheckedUpdateManyInput;
  changes: Changes;
  type: TaskEventType;
  note: string | null;
  toStatus?: TaskStatus;
}

/** Writes a task change guarded by its version, with its timeline event and audit row. */
export async function writeTaskChange(w: Write, task: LoadedTask, step: StepChange): Promise<void> {
  const viewer = viewerOf(w);
  const { count } = await w.tx.task.updateMany({
    where: { id: task.id, version: task.version },
    data: { ...step.data, version: { increment: 1 } },
  });
  // Another writer committed between our read and our write: the version in the filter lost the race.
  if (count === 0) throw new ConflictError('Task', `Task:${task.id}`, task.version + 1);
  await w.tx.taskEvent.create({
    data: {
      taskId: task.id,
      type: step.type,
      actorId: viewer.accountId,
      at: w.now,
      ...(step.toStatus && step.toStatus !== task.status && { fromStatus: task.status, toStatus: step.toStatus }),
      changes: step.changes as unknown as Prisma.InputJsonValue,
      note: step.note,
    },
  });
  w.audit({ action: 'UPDATE', entity: 'Task', entityId: task.id, changes: step.changes, note: step.note });
}

/**
 * Ends a pending request. The status in the filter makes a second, concurrent decision on the same
 * request lose instead of overwriting the first.
 */
export async function settle(w: Write, id: number, data: Prisma.DeadlineExtensionUncheckedUpdateManyInput) {
  const { count } = await w.tx.deadlineExtension.updateMany({ where: { id, status: 'PENDING' }, data });
  if (count === 0) throw new ConflictError('DeadlineExtension', `DeadlineExtension:${id}`, 0);
}

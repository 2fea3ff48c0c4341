// Headships: a person's time as head of a unit. A unit has one head at a time, and the head on a
// given day answers for the unit's tasks on that day.
import type { Headship, Prisma } from '../../generated/prisma/client.ts';
import { ValidationError } from '../errors.ts';
import { formatDay } from './calendar.ts';
import type { Write } from './mutation.ts';
import { createReference, loadReference, updateReference, type ReferenceTable } from './reference-data.ts';

/** A headship's days as stored (endDate inclusive, null while in post). */
export type HeadshipDays = Pick<Headship, 'startDate' | 'endDate'>;

/** The headship in force on `day`, if any. Headships of one unit never overlap (a database trigger sees to it). */
export function headshipOn<T extends HeadshipDays>(headships: readonly T[], day: Date): T | null {
  return (
    headships.find((headship) => headship.startDate <= day && (headship.endDate === null || headship.endDate >= day)) ??
    null
  );
}

/**
 * The day whose head answers for a task: the completion day of a finished task, otherwise today
 * (an open task is the current head's to finish).
 */
export function accountableDay(task: { completedOn: Date | null }, today: Date): Date {
  return task.completedOn ?? today;
}

export interface NewHeadship {
  unitId: number;
  personId: number;
  title: string;
  startDate: Date;
  endDate?: Date | null;
  acting?: boolean | null;
}

/** Omitted fields stay, null clears the end date. */
export interface HeadshipChanges {
  title?: string | null;
  startDate?: Date | null;
  endDate?: Date | null;
  acting?: boolean | null;
}

const headships: ReferenceTable<Headship, Prisma.HeadshipUncheckedCreateInput, Prisma.HeadshipUncheckedUpdateInput> = {
  entity: 'Headship',
  find: (tx, id) => tx.headship.findUnique({ where: { id } }),
  insert: (tx, data) => tx.headship.create({ data }),
  change: (tx, id, data) => tx.headship.update({ where: { id }, data }),
};

export function checkHeadshipDates(startDate: Date, endDate: Date | null | undefined): void {
  if (endDate && endDate < startDate) {
    throw ValidationError.field('input.endDate', 'A term cannot end before it starts');
  }
}

/**
 * A unit has one head at a time: refuses a headship overlapping another of the unit's, naming the
 * end when it runs into a later one, else the start. (The database's trigger stays as the guard
 * against concurrent writes.)
 */
async function checkNoOverlap(
  tx: Prisma.TransactionClient,
  headship: HeadshipDays & { id?: number; unitId: number },
): Promise<void> {
  const other = await tx.headship.findFirst({
    where: {
      unitId: headship.unitId,
      ...(headship.id !== undefined && { id: { not: headship.id } }),
      ...(headship.endDate && { startDate: { lte: headship.endDate } }),
      OR: [{ endDate: null }, { endDate: { gte: headship.startDate } }],
    },
    orderBy: { startDate: 'asc' },
  });
  if (!other) return;
  const until = other.endDate ? formatDay(other.endDate) : 'now';
  throw ValidationError.field(
    other.startDate > headship.startDate ? 'input.endDate' : 'input.startDate',
    `Overlaps the term Headship:${other.id} (${formatDay(other.startDate)} to ${until}); a unit has one head at a time`,
  );
}

export async function createHeadship(w: Write, headship: NewHeadship): Promise<Headship> {
  checkHeadshipDates(headship.startDate, headship.endDate);
  const endDate = headship.endDate ?? null;
  await checkNoOverlap(w.tx, { unitId: headship.unitId, startDate: headship.startDate, endDate });
  return createReference(w, headships, {
    unitId: headship.unitId,
    personId: headship.personId,
    title: headship.title,
    startDate: headship.startDate,
    endDate,
    acting: headship.acting ?? false,
  });
}

export async function updateHeadship(w: Write, id: number, changes: HeadshipChanges): Promise<Headship> {
  const current = await loadReference(w, headships, id);
  const next = {
    id,
    unitId: current.unitId,
    startDate: changes.startDate ?? current.startDate,
    endDate: changes.endDate === undefined ? current.endDate : changes.endDate,
  };
  checkHeadshipDates(next.startDate, next.endDate);
  await checkNoOverlap(w.tx, next);
  return updateReference(w, headships, current, {
    ...(changes.title != null && { title: changes.title }),
    ...(changes.startDate != null && { startDate: changes.startDate }),
    endDate: changes.endDate,
    ...(changes.acting != null && { acting: changes.acting }),
  });
}

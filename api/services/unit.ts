// Units: adding and changing them, audited, with the rules of their links to other units.
import type { Prisma, Unit, UnitKind } from '../../generated/prisma/client.ts';
import { ValidationError, type FieldProblem } from '../errors.ts';
import type { Write } from './mutation.ts';
import { createReference, loadReference, updateReference, type ReferenceTable } from './reference-data.ts';

export interface UnitLinks {
  parentId?: number | null;
  successorId?: number | null;
  dissolvedOn?: Date | null;
}

/** Follows `next` from `start`; true when the walk reaches `target` (a loop would be made). */
async function reaches(
  start: number,
  target: number,
  next: (id: number) => Promise<number | null>,
  limit = 1000,
): Promise<boolean> {
  let current: number | null = start;
  for (let steps = 0; current !== null && steps < limit; steps += 1) {
    if (current === target) return true;
    current = await next(current);
  }
  return current !== null;
}

/**
 * The rules of a unit's links: a unit is not its own ancestor or successor (no loops through other
 * units either), and a unit that has a successor has ceased to exist (dissolvedOn set).
 */
export async function checkUnitLinks(
  prisma: Prisma.TransactionClient,
  id: number | null,
  links: UnitLinks,
  current: UnitLinks = {},
): Promise<void> {
  const problems: FieldProblem[] = [];
  const parentId = links.parentId !== undefined ? links.parentId : current.parentId;
  const successorId = links.successorId !== undefined ? links.successorId : current.successorId;
  const dissolvedOn = links.dissolvedOn !== undefined ? links.dissolvedOn : current.dissolvedOn;
  if (id !== null && parentId != null && links.parentId !== undefined) {
    const loop = await reaches(
      parentId,
      id,
      async (unitId) =>
        (await prisma.unit.findUnique({ where: { id: unitId }, select: { parentId: true } }))?.parentId ?? null,
    );
    if (loop)
      problems.push({ field: 'input.parentId', message: 'A unit cannot belong to itself or to one of its own units' });
  }
  if (id !== null && successorId != null && links.successorId !== undefined) {
    const loop = await reaches(
      successorId,
      id,
      async (unitId) =>
        (await prisma.unit.findUnique({ where: { id: unitId }, select: { successorId: true } }))?.successorId ?? null,
    );
    if (loop) problems.push({ field: 'input.successorId', message: 'Successors cannot lead back to the unit itself' });
  }
  if (successorId != null && dissolvedOn == null) {
    problems.push({
      field: 'input.dissolvedOn',
      message: 'Give the day the unit was merged or renamed when it has a successor',
    });
  }
  if (problems.length) throw new ValidationError(problems);
}

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: number | null;
  establishedOn?: Date | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  sortOrder?: number | null;
}

/** Omitted fields stay, null clears an optional one. */
export interface UnitChanges extends UnitLinks {
  code?: string | null;
  name?: string | null;
  kind?: UnitKind | null;
  establishedOn?: Date | null;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
  sortOrder?: number | null;
}

const units: ReferenceTable<Unit, Prisma.UnitUncheckedCreateInput, Prisma.UnitUncheckedUpdateInput> = {
  entity: 'Unit',
  find: (tx, id) => tx.unit.findUnique({ where: { id } }),
  insert: (tx, data) => tx.unit.create({ data }),
  change: (tx, id, data) => tx.unit.update({ where: { id }, data }),
};

export function createUnit(w: Write, unit: NewUnit): Promise<Unit> {
  return createReference(w, units, {
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId ?? null,
    establishedOn: unit.establishedOn ?? null,
    address: unit.address ?? null,
    phone: unit.phone ?? null,
    email: unit.email ?? null,
    sortOrder: unit.sortOrder ?? 0,
  });
}

/** Changes a unit; a merger or renaming is recorded as dissolvedOn with the successor. */
export async function updateUnit(w: Write, id: number, changes: UnitChanges): Promise<Unit> {
  const current = await loadReference(w, units, id);
  const links = { parentId: changes.parentId, successorId: changes.successorId, dissolvedOn: changes.dissolvedOn };
  await checkUnitLinks(w.tx, id, links, current);
  return updateReference(w, units, current, {
    ...(changes.code != null && { code: changes.code }),
    ...(changes.name != null && { name: changes.name }),
    ...(changes.kind != null && { kind: changes.kind }),
    ...links,
    establishedOn: changes.establishedOn,
    address: changes.address,
    phone: changes.phone,
    email: changes.email,
    ...(changes.sortOrder != null && { sortOrder: changes.sortOrder }),
  });
}

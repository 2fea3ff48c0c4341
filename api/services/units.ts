import type { Prisma } from '../../generated/prisma/client.ts';
import { ValidationError, type FieldProblem } from '../errors.ts';

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

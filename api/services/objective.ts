// Objectives of resolutions: adding and changing them, audited.
import type { Objective, Prisma } from '../../generated/prisma/client.ts';
import type { Write } from './mutation.ts';
import { createReference, loadReference, updateReference, type ReferenceTable } from './reference-data.ts';

export interface NewObjective {
  resolutionId: number;
  reformAreaId: number;
  code: string;
  title: string;
  description?: string | null;
  sortOrder?: number | null;
}

/** Omitted fields stay, null clears the description. */
export interface ObjectiveChanges {
  reformAreaId?: number | null;
  code?: string | null;
  title?: string | null;
  description?: string | null;
  sortOrder?: number | null;
}

const objectives: ReferenceTable<
  Objective,
  Prisma.ObjectiveUncheckedCreateInput,
  Prisma.ObjectiveUncheckedUpdateInput
> = {
  entity: 'Objective',
  find: (tx, id) => tx.objective.findUnique({ where: { id } }),
  insert: (tx, data) => tx.objective.create({ data }),
  change: (tx, id, data) => tx.objective.update({ where: { id }, data }),
};

export function createObjective(w: Write, objective: NewObjective): Promise<Objective> {
  return createReference(w, objectives, {
    resolutionId: objective.resolutionId,
    reformAreaId: objective.reformAreaId,
    code: objective.code,
    title: objective.title,
    description: objective.description ?? null,
    sortOrder: objective.sortOrder ?? 0,
  });
}

export async function updateObjective(w: Write, id: number, changes: ObjectiveChanges): Promise<Objective> {
  const current = await loadReference(w, objectives, id);
  return updateReference(w, objectives, current, {
    ...(changes.reformAreaId != null && { reformAreaId: changes.reformAreaId }),
    ...(changes.code != null && { code: changes.code }),
    ...(changes.title != null && { title: changes.title }),
    description: changes.description,
    ...(changes.sortOrder != null && { sortOrder: changes.sortOrder }),
  });
}

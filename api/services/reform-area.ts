// Reform areas: adding and changing them, audited.
import type { Prisma, ReformArea } from '../../generated/prisma/client.ts';
import type { Write } from './mutation.ts';
import { createReference, loadReference, updateReference, type ReferenceTable } from './reference-data.ts';

export interface NewReformArea {
  code: string;
  name: string;
  nameEn: string;
  sortOrder?: number | null;
}

/** Omitted fields stay. */
export interface ReformAreaChanges {
  code?: string | null;
  name?: string | null;
  nameEn?: string | null;
  sortOrder?: number | null;
}

const reformAreas: ReferenceTable<
  ReformArea,
  Prisma.ReformAreaUncheckedCreateInput,
  Prisma.ReformAreaUncheckedUpdateInput
> = {
  entity: 'ReformArea',
  find: (tx, id) => tx.reformArea.findUnique({ where: { id } }),
  insert: (tx, data) => tx.reformArea.create({ data }),
  change: (tx, id, data) => tx.reformArea.update({ where: { id }, data }),
};

export function createReformArea(w: Write, area: NewReformArea): Promise<ReformArea> {
  return createReference(w, reformAreas, {
    code: area.code,
    name: area.name,
    nameEn: area.nameEn,
    sortOrder: area.sortOrder ?? 0,
  });
}

export async function updateReformArea(w: Write, id: number, changes: ReformAreaChanges): Promise<ReformArea> {
  const current = await loadReference(w, reformAreas, id);
  return updateReference(w, reformAreas, current, {
    ...(changes.code != null && { code: changes.code }),
    ...(changes.name != null && { name: changes.name }),
    ...(changes.nameEn != null && { nameEn: changes.nameEn }),
    ...(changes.sortOrder != null && { sortOrder: changes.sortOrder }),
  });
}

// People who head or have headed units: adding and changing them, audited.
import type { Person, Prisma } from '../../generated/prisma/client.ts';
import type { Write } from './mutation.ts';
import { createReference, loadReference, updateReference, type ReferenceTable } from './reference-data.ts';

export interface NewPerson {
  fullName: string;
  email?: string | null;
  phone?: string | null;
}

/** Omitted fields stay, null clears an optional one. */
export interface PersonChanges {
  fullName?: string | null;
  email?: string | null;
  phone?: string | null;
}

const people: ReferenceTable<Person, Prisma.PersonUncheckedCreateInput, Prisma.PersonUncheckedUpdateInput> = {
  entity: 'Person',
  find: (tx, id) => tx.person.findUnique({ where: { id } }),
  insert: (tx, data) => tx.person.create({ data }),
  change: (tx, id, data) => tx.person.update({ where: { id }, data }),
};

export function createPerson(w: Write, person: NewPerson): Promise<Person> {
  return createReference(w, people, {
    fullName: person.fullName,
    email: person.email ?? null,
    phone: person.phone ?? null,
  });
}

export async function updatePerson(w: Write, id: number, changes: PersonChanges): Promise<Person> {
  const current = await loadReference(w, people, id);
  return updateReference(w, people, current, {
    ...(changes.fullName != null && { fullName: changes.fullName }),
    email: changes.email,
    phone: changes.phone,
  });
}

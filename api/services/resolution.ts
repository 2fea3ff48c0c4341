// Resolutions the tracker follows: adding and changing them, audited, with the rule on their years.
import type { Prisma, Resolution } from '../../generated/prisma/client.ts';
import { ValidationError } from '../errors.ts';
import type { Write } from './mutation.ts';
import { createReference, loadReference, updateReference, type ReferenceTable } from './reference-data.ts';

export interface NewResolution {
  code: string;
  title: string;
  issuedBy: string;
  issuedOn: Date;
  horizonYear: number;
  orientationYear?: number | null;
  summary?: string | null;
}

/** Omitted fields stay, null clears an optional one. */
export interface ResolutionChanges {
  code?: string | null;
  title?: string | null;
  issuedBy?: string | null;
  issuedOn?: Date | null;
  horizonYear?: number | null;
  orientationYear?: number | null;
  summary?: string | null;
}

const resolutions: ReferenceTable<
  Resolution,
  Prisma.ResolutionUncheckedCreateInput,
  Prisma.ResolutionUncheckedUpdateInput
> = {
  entity: 'Resolution',
  find: (tx, id) => tx.resolution.findUnique({ where: { id } }),
  insert: (tx, data) => tx.resolution.create({ data }),
  change: (tx, id, data) => tx.resolution.update({ where: { id }, data }),
};

/** The longer orientation reaches at least as far as the horizon. */
export function checkResolutionYears(horizonYear: number, orientationYear: number | null | undefined): void {
  if (orientationYear != null && orientationYear < horizonYear) {
    throw ValidationError.field('input.orientationYear', 'The orientation year cannot come before the horizon year');
  }
}

export function createResolution(w: Write, resolution: NewResolution): Promise<Resolution> {
  checkResolutionYears(resolution.horizonYear, resolution.orientationYear);
  return createReference(w, resolutions, {
    code: resolution.code,
    title: resolution.title,
    issuedBy: resolution.issuedBy,
    issuedOn: resolution.issuedOn,
    horizonYear: resolution.horizonYear,
    orientationYear: resolution.orientationYear ?? null,
    summary: resolution.summary ?? null,
  });
}

export async function updateResolution(w: Write, id: number, changes: ResolutionChanges): Promise<Resolution> {
  const current = await loadReference(w, resolutions, id);
  checkResolutionYears(
    changes.horizonYear ?? current.horizonYear,
    changes.orientationYear === undefined ? current.orientationYear : changes.orientationYear,
  );
  return updateReference(w, resolutions, current, {
    ...(changes.code != null && { code: changes.code }),
    ...(changes.title != null && { title: changes.title }),
    ...(changes.issuedBy != null && { issuedBy: changes.issuedBy }),
    ...(changes.issuedOn != null && { issuedOn: changes.issuedOn }),
    ...(changes.horizonYear != null && { horizonYear: changes.horizonYear }),
    orientationYear: changes.orientationYear,
    summary: changes.summary,
  });
}

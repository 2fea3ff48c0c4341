// The audit log's record of one change, and the before/after differences it carries.
import { Prisma, type AuditAction } from '../../generated/prisma/client.ts';

export type AuditValue = string | number | boolean | null | AuditValue[];

export interface Change {
  before: AuditValue;
  after: AuditValue;
}

export type Changes = Record<string, Change>;

/** One record changed by a mutation, written to the audit log when the mutation commits. */
export interface AuditRecord {
  action: AuditAction;
  entity: string;
  entityId: number;
  changes?: Changes | null;
  note?: string | null;
}

/** Fields the database maintains itself; their movement is not a change anybody made. */
const bookkeeping = new Set(['createdAt', 'updatedAt', 'version']);

/** Secrets never reach the audit log, not even as hashes. */
const secret = new Set(['passwordHash']);

/** A column value as plain JSON: days as YYYY-MM-DD, instants as ISO, decimals as strings. */
export function auditValue(value: unknown): AuditValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (Prisma.Decimal.isDecimal(value)) return value.toString();
  if (Array.isArray(value)) return value.map(auditValue);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Field-by-field differences between two versions of a row (a missing `before` means creation). */
export function diffRows(before: object | null, after: object): Changes {
  const changes: Changes = {};
  const old = (before ?? {}) as Record<string, unknown>;
  for (const [field, value] of Object.entries(after)) {
    if (bookkeeping.has(field) || secret.has(field)) continue;
    const next = auditValue(value);
    const previous = before ? auditValue(old[field]) : null;
    if (before && JSON.stringify(previous) === JSON.stringify(next)) continue;
    if (!before && next === null) continue;
    changes[field] = { before: previous, after: next };
  }
  return changes;
}

export function created(entity: string, row: { id: number }): AuditRecord {
  return { action: 'CREATE', entity, entityId: row.id, changes: diffRows(null, row) };
}

export function updated(entity: string, before: { id: number }, after: object, note?: string | null): AuditRecord {
  return { action: 'UPDATE', entity, entityId: before.id, changes: diffRows(before, after), note: note ?? null };
}

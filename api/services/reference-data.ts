// Writes of reference data (units, people, headships, resolutions, reform areas, objectives, targets
// and their years): each goes through the mutation's transaction and leaves one audit row with the
// row's changes. None of these tables carries a version: the last writer wins, and the audit log shows
// both writes. The database's refusals (unique keys, foreign keys, checks) are left to propagate:
// database-errors.ts turns them into the API's validation errors for every mutation alike.
import type { Prisma } from '../../generated/prisma/client.ts';
import { NotFoundError } from '../errors.ts';
import { created, updated } from './audit.ts';
import type { Write } from './mutation.ts';

type Tx = Prisma.TransactionClient;

/** How one table of reference data is read and written; the services declare one per table. */
export interface ReferenceTable<Row extends { id: number }, CreateData, UpdateData> {
  /** The model's name, as the audit log and NOT_FOUND errors give it. */
  entity: string;
  find: (tx: Tx, id: number) => Promise<Row | null>;
  insert: (tx: Tx, data: CreateData) => Promise<Row>;
  change: (tx: Tx, id: number, data: UpdateData) => Promise<Row>;
}

/**
 * Writes a row and records it in the audit log: its creation when there was no row `before`, else
 * the fields that differ from `before`.
 */
export async function saveReference<Row extends { id: number }>(
  w: Write,
  entity: string,
  before: Row | null,
  write: (tx: Tx) => Promise<Row>,
): Promise<Row> {
  const row = await write(w.tx);
  w.audit(before ? updated(entity, before, row) : created(entity, row));
  return row;
}

/** The row as stored, or NOT_FOUND. */
export async function loadReference<Row extends { id: number }, C, U>(
  w: Write,
  table: ReferenceTable<Row, C, U>,
  id: number,
): Promise<Row> {
  const row = await table.find(w.tx, id);
  if (!row) throw new NotFoundError(table.entity, `${table.entity}:${id}`);
  return row;
}

export function createReference<Row extends { id: number }, C, U>(
  w: Write,
  table: ReferenceTable<Row, C, U>,
  data: C,
): Promise<Row> {
  return saveReference(w, table.entity, null, (tx) => table.insert(tx, data));
}

/** Changes a row the caller loaded (and checked) in the same transaction. */
export function updateReference<Row extends { id: number }, C, U>(
  w: Write,
  table: ReferenceTable<Row, C, U>,
  current: Row,
  data: U,
): Promise<Row> {
  return saveReference(w, table.entity, current, (tx) => table.change(tx, current.id, data));
}

// The audited writes of reference data, on an in-memory table: what reaches the audit log.
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../api/services/audit.ts';
import type { Write } from '../../api/services/mutation.ts';
import {
  createReference,
  loadReference,
  updateReference,
  type ReferenceTable,
} from '../../api/services/reference-data.ts';

interface Row {
  id: number;
  name: string;
  phone: string | null;
  updatedAt: Date;
}

function memory() {
  const rows = new Map<number, Row>();
  const records: AuditRecord[] = [];
  const table: ReferenceTable<Row, Omit<Row, 'id' | 'updatedAt'>, Partial<Omit<Row, 'id'>>> = {
    entity: 'Person',
    find: async (_tx, id) => rows.get(id) ?? null,
    insert: async (_tx, data) => {
      const row = { id: rows.size + 1, updatedAt: new Date('2026-03-10T08:00:00Z'), ...data };
      rows.set(row.id, row);
      return row;
    },
    change: async (_tx, id, data) => {
      const row = { ...(rows.get(id) as Row), ...data, updatedAt: new Date('2026-03-10T09:00:00Z') };
      rows.set(id, row);
      return row;
    },
  };
  const w = { audit: (record: AuditRecord) => records.push(record) } as unknown as Write;
  return { table, w, records };
}

describe('audited writes of reference data', () => {
  it('records a creation with every field given, leaving out nulls and bookkeeping', async () => {
    const { table, w, records } = memory();
    const row = await createReference(w, table, { name: 'Nguyễn Văn A', phone: null });
    expect(records).toEqual([
      {
        action: 'CREATE',
        entity: 'Person',
        entityId: row.id,
        changes: { id: { before: null, after: 1 }, name: { before: null, after: 'Nguyễn Văn A' } },
      },
    ]);
  });

  it('records a change with the fields that differ, before and after', async () => {
    const { table, w, records } = memory();
    const row = await createReference(w, table, { name: 'Nguyễn Văn A', phone: null });
    const current = await loadReference(w, table, row.id);
    await updateReference(w, table, current, { name: 'Nguyễn Văn A', phone: '0901' });
    expect(records[1]).toEqual({
      action: 'UPDATE',
      entity: 'Person',
      entityId: row.id,
      changes: { phone: { before: null, after: '0901' } },
      note: null,
    });
  });

  it('answers NOT_FOUND for a row that does not exist, and records nothing', async () => {
    const { table, w, records } = memory();
    await expect(loadReference(w, table, 42)).rejects.toMatchObject({
      message: 'Person Person:42 does not exist',
      extensions: { code: 'NOT_FOUND' },
    });
    expect(records).toEqual([]);
  });
});

// Every mutation runs here: one database transaction for the change, its timeline events and its
// audit rows, so a failed mutation leaves nothing behind and a successful one is always audited.
import type { GraphQLResolveInfo } from 'graphql';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { Context, Viewer } from '../context.ts';
import type { AuditRecord } from './audit.ts';

export interface Write {
  tx: Prisma.TransactionClient;
  viewer: Viewer | null;
  /** The request's instant; stored as the time of every event and audit row of the mutation. */
  now: Date;
  /** Today in the district's time zone. */
  today: Date;
  /** The district's time zone, for turning instants into calendar days. */
  timeZone: string;
  /** Adds a row to the audit log, written in the same transaction when the mutation succeeds. */
  audit: (record: AuditRecord) => void;
}

/** Interactive transactions may wait for the embedded database's single connection. */
const transactionOptions = { maxWait: 20_000, timeout: 30_000 };

export async function runMutation<T>(
  ctx: Context,
  info: Pick<GraphQLResolveInfo, 'fieldName'>,
  work: (write: Write) => Promise<T>,
  actorId: number | null = ctx.viewer?.accountId ?? null,
): Promise<T> {
  return ctx.prisma.$transaction(async (tx) => {
    const records: AuditRecord[] = [];
    const result = await work({
      tx,
      viewer: ctx.viewer,
      now: ctx.now,
      today: ctx.today,
      timeZone: ctx.timeZone,
      audit: (record) => records.push(record),
    });
    if (records.length === 0) throw new Error(`${info.fieldName} recorded nothing in the audit log`);
    await tx.auditEntry.createMany({
      data: records.map((record) => ({
        at: ctx.now,
        actorId: record.action === 'SIGN_IN' ? record.entityId : actorId,
        operation: info.fieldName,
        action: record.action,
        entity: record.entity,
        entityId: record.entityId,
        changes: (record.changes ?? undefined) as Prisma.InputJsonValue | undefined,
        note: record.note ?? null,
        requestId: ctx.requestId.slice(0, 100),
        clientAddress: ctx.clientAddress,
      })),
    });
    return result;
  }, transactionOptions);
}

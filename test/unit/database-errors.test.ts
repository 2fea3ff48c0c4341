import { describe, expect, it } from 'vitest';
import { translateDatabaseError } from '../../api/services/database-errors.ts';

const prismaError = (code: string, meta: object) =>
  Object.assign(new Error('x'), { name: 'PrismaClientKnownRequestError', code, meta });

describe('database refusals become input errors', () => {
  it('names the field of a unique key reported by fields (PGlite)', () => {
    const error = translateDatabaseError(
      prismaError('P2002', { modelName: 'Unit', driverAdapterError: { cause: { constraint: { fields: ['code'] } } } }),
    );
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.code' }] });
  });

  it('names the field of a unique key reported by index name (PostgreSQL)', () => {
    const error = translateDatabaseError(
      prismaError('P2002', {
        modelName: 'Unit',
        driverAdapterError: { cause: { constraint: { index: 'Unit_code_key' } } },
      }),
    );
    expect(error?.extensions).toMatchObject({ fields: [{ field: 'input.code' }] });
  });

  it('names the field of a broken foreign key', () => {
    const error = translateDatabaseError(
      prismaError('P2003', {
        modelName: 'Task',
        driverAdapterError: { cause: { constraint: { index: 'Task_objectiveId_fkey' } } },
      }),
    );
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'input.objectiveId' }] });
  });

  it('names the field of a known check constraint', () => {
    const error = translateDatabaseError(
      prismaError('P2039', {
        modelName: 'Task',
        driverAdapterError: {
          cause: { originalMessage: 'new row for relation "Task" violates check constraint "Task_progress_check"' },
        },
      }),
    );
    expect(error?.extensions).toMatchObject({ fields: [{ field: 'input.progress' }] });
  });

  it("passes a trigger's own message through", () => {
    const error = translateDatabaseError(
      prismaError('P2039', {
        modelName: 'Headship',
        driverAdapterError: { cause: { originalMessage: 'Headship of unit 1 overlaps another term' } },
      }),
    );
    expect(error?.message).toMatch(/overlaps another term/);
  });

  it('reports a missing row as not found', () => {
    expect(translateDatabaseError(prismaError('P2025', { modelName: 'Unit' }))?.extensions.code).toBe('NOT_FOUND');
  });

  it('reports a statement cancelled by the statement timeout as REQUEST_TIMEOUT, whatever Prisma calls it', () => {
    const cancelled = { originalCode: '57014', originalMessage: 'canceling statement due to statement timeout' };
    for (const code of ['P2010', 'P2039']) {
      const error = translateDatabaseError(prismaError(code, { driverAdapterError: { cause: cancelled } }));
      expect(error?.extensions).toEqual({ code: 'REQUEST_TIMEOUT', limit: 'statement' });
    }
  });

  it('leaves other errors alone, to be masked', () => {
    expect(translateDatabaseError(new Error('boom'))).toBeNull();
    expect(translateDatabaseError(prismaError('P1001', {}))).toBeNull();
  });
});

// Node ids are resolved without a promise (api/schema/node-ids.ts): a list of thousands of rows
// otherwise makes a promise per row. The value must stay the global id Pothos would give.
import { isObjectType, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../api/schema/index.ts';

const nodeTypes = Object.values(schema.getTypeMap()).filter(
  (type): type is GraphQLObjectType =>
    isObjectType(type) && type.getInterfaces().some((iface) => iface.name === 'Node'),
);

const resolveId = (type: GraphQLObjectType, row: object) =>
  type.getFields().id?.resolve?.(row, {}, { viewer: null }, {} as GraphQLResolveInfo);

describe('node ids', () => {
  it('are the type name and the id column, given at once, for every node type without row scopes', () => {
    const plain = nodeTypes.filter((type) => type.name !== 'AuditEntry');
    expect(plain.map((type) => type.name)).toEqual(expect.arrayContaining(['Task', 'Unit', 'Person', 'Account']));
    for (const type of plain) expect(resolveId(type, { id: 12 }), type.name).toBe(`${type.name}:12`);
  });

  it("leave audit entries to Pothos's resolver, which runs their per-row scope check", async () => {
    const auditEntry = nodeTypes.find((type) => type.name === 'AuditEntry') as GraphQLObjectType;
    let answer: unknown;
    try {
      answer = resolveId(auditEntry, { id: 5, entity: 'Account' });
    } catch (error) {
      answer = error;
    }
    expect(answer).not.toBe('AuditEntry:5');
    if (answer instanceof Promise) await answer.catch(() => undefined);
  });
});

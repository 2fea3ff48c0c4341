import { getNamedType, getNullableType, isInterfaceType, isListType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../api/schema/index.ts';

/** A relay connection: its edges and nodes are the page its field counts by first/last. */
const isConnection = (typeName: string) => {
  const type = schema.getType(typeName);
  return isObjectType(type) && 'pageInfo' in type.getFields() && 'edges' in type.getFields();
};

describe('every list of the schema has a bound for the cost of a request (api/cost.ts)', () => {
  it('is a connection paged by first/last, or declares its size in extensions.listSize', () => {
    const unbounded: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const paged = field.args.some((arg) => arg.name === 'first' || arg.name === 'last');
        const declared = (field.extensions as { listSize?: unknown }).listSize !== undefined;
        if (paged || declared || isConnection(type.name)) continue;
        if (isListType(getNullableType(field.type)))
          unbounded.push(`${type.name}.${field.name}: ${String(field.type)}`);
      }
    }
    expect(unbounded, 'declare extensions: listSize(...) on these fields (api/list-sizes.ts)').toEqual([]);
  });

  it('counts first and last as a page only where they page a connection; other lists say how they count', () => {
    // A plain list with a first argument (the league table) must declare how first counts.
    const plainPaged: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) {
        const paged = field.args.some((arg) => arg.name === 'first' || arg.name === 'last');
        const declared = (field.extensions as { listSize?: unknown }).listSize !== undefined;
        if (paged && !declared && !isConnection(getNamedType(field.type).name))
          plainPaged.push(`${type.name}.${field.name}`);
      }
    }
    expect(plainPaged).toEqual([]);
  });
});

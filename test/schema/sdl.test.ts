import { readFileSync } from 'node:fs';
import { isInputObjectType, isInterfaceType, isObjectType, printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../api/schema/index.ts';

const builtIn = new Set(['String', 'Int', 'Float', 'Boolean', 'ID', 'PageInfo']);
const generated = (name: string) => name.startsWith('__') || builtIn.has(name) || /(Connection|Edge)$/.test(name);

describe("the committed SDL, the analysts' manual", () => {
  it('matches the schema the server builds (run npm run schema:print after a change)', () => {
    const committed = readFileSync(new URL('../../api/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it('describes every type, field and argument', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (generated(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../api/schema/index.ts';

describe('the committed SDL', () => {
  it('matches the schema the server builds (run npm run schema:print after a change)', () => {
    const committed = readFileSync(new URL('../../api/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it('describes every type and every field for analysts', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (
        !type.description &&
        !/(Connection|Edge)$/.test(type.name) &&
        !['String', 'Int', 'Float', 'Boolean', 'ID', 'PageInfo'].includes(type.name)
      ) {
        missing.push(type.name);
      }
    }
    expect(missing).toEqual([]);
  });
});

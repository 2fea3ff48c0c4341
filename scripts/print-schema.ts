// Writes the printed SDL to api/schema.graphql, the analysts' manual; a test fails when it drifts.
import { writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../api/schema/index.ts';

export const schemaFile = new URL('../api/schema.graphql', import.meta.url);
writeFileSync(schemaFile, `${printSchema(schema)}\n`);
console.log(`wrote ${schemaFile.pathname}`);

// The schema declares types, scopes and ids; every write goes through a service (api/services/). The
// check reads the source text: a Prisma write method called anywhere under api/schema/ fails it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const schemaDir = new URL('../../api/schema/', import.meta.url);

/** A call of a Prisma write: `.create(`, `.upsert(`, `.$executeRaw\`...\``, and so on (`<` for type arguments). */
const prismaWrite =
  /\.\s*(createManyAndReturn|createMany|create|updateManyAndReturn|updateMany|update|upsert|deleteMany|delete|\$executeRawUnsafe|\$executeRaw)\s*[(<`]/g;

/** Each write call in a source text, as `line: method`. */
function writesIn(source: string): string[] {
  return [...source.matchAll(prismaWrite)].map((match) => {
    const line = source.slice(0, match.index).split('\n').length;
    return `${line}: ${match[1]}`;
  });
}

describe('the schema layer', () => {
  it('finds the writes a resolver could make, and not the reads', () => {
    const writes = [
      'const row = await w.tx.unit.create({ data });',
      'await ctx.prisma.task.updateMany({ where: { id }, data });',
      'await tx.indexNode.createManyAndReturn({ data: rows });',
      'await w.tx.targetYear\n  .upsert({ where, create, update });',
      'await tx.evidence.deleteMany({ where: { taskId } });',
      'await tx.person.delete({ where: { id } });',
      'await w.tx.$executeRaw`SET LOCAL statement_timeout = 1000`;',
      'await w.tx.$executeRawUnsafe(sql);',
      'await tx.unit.update<Prisma.UnitUpdateArgs>({ where, data });',
    ];
    for (const source of writes) expect(writesIn(source), source).toHaveLength(1);
    expect(writesIn('line one\nawait tx.unit.create({})')).toEqual(['2: create']);

    const reads = [
      'ctx.prisma.unit.findUniqueOrThrow({ ...query, where: { id } })',
      'ctx.prisma.task.findMany({ where, orderBy })',
      "createdAt: t.expose('createdAt', { type: 'DateTime' }),",
      "updatedAt: t.expose('updatedAt', { type: 'DateTime' }),",
      'const row = await createUnit(w, input);',
      'runMutation(ctx, info, (w) => updateTarget(w, id, input))',
      'await ctx.prisma.$queryRaw`SELECT 1`;',
    ];
    for (const source of reads) expect(writesIn(source), source).toEqual([]);
  });

  it('writes nothing itself: resolvers call services for every change', () => {
    const files = readdirSync(schemaDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) =>
      writesIn(readFileSync(new URL(file, schemaDir), 'utf8')).map(
        (write) => `${path.join('api/schema', file)}:${write}`,
      ),
    );
    expect(found).toEqual([]);
  });
});

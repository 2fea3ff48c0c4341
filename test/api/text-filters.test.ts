// Text filters match the text as written: `%`, `_` and `\` are characters like any other, not LIKE's
// wildcards and escape (Prisma 7 hands `contains` and `startsWith` to LIKE as they are, on PGlite and
// PostgreSQL alike), in `contains`, `startsWith` and the `q` searches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from '../support/databases.ts';
import { ok, startTestApi, type TestApi } from '../support/api.ts';
import { loadFixture, type Fixture } from '../support/fixture.ts';

const titles = ['Đạt 50% chỉ tiêu', 'Đạt 500 chỉ tiêu', 'Mẫu a_b', 'Mẫu axb', 'Thư mục C:\\hồ sơ', 'Thư mục C:hồ sơ'];

describe.each(databaseKinds)('text filters on %s', (kind) => {
  let api: TestApi;
  let f: Fixture;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi(kind);
    f = await loadFixture(api.db.prisma);
    token = await api.signIn('analyst');
    for (const title of titles) {
      await api.db.prisma.task.create({
        data: {
          title,
          objectiveId: f.objectives.oneStop.id,
          leadUnitId: f.units.homeAffairs.id,
          startDate: new Date('2026-01-05T00:00:00Z'),
          deadline: new Date('2026-06-30T00:00:00Z'),
          originalDeadline: new Date('2026-06-30T00:00:00Z'),
        },
      });
    }
  });
  afterAll(() => api.close());

  const titlesOf = async (filter: Record<string, unknown>) => {
    const data = ok(
      await api.gql<{ tasks: { nodes: { title: string }[] } }>(
        'query ($f: TaskFilter) { tasks(filter: $f, first: 100) { nodes { title } } }',
        { f: filter },
        token,
      ),
    );
    return data.tasks.nodes.map((node) => node.title).sort();
  };

  it('contains "50%" finds only the texts with "50%"', async () => {
    expect(await titlesOf({ title: { contains: '50%' } })).toEqual(['Đạt 50% chỉ tiêu']);
    expect(await titlesOf({ q: '50%' })).toEqual(['Đạt 50% chỉ tiêu']);
  });

  it('contains "a_b" finds only the texts with "a_b"', async () => {
    expect(await titlesOf({ title: { contains: 'a_b' } })).toEqual(['Mẫu a_b']);
    expect(await titlesOf({ title: { startsWith: 'mẫu A_' } })).toEqual(['Mẫu a_b']);
  });

  it('a backslash is a backslash', async () => {
    expect(await titlesOf({ title: { contains: 'C:\\h' } })).toEqual(['Thư mục C:\\hồ sơ']);
    expect(await titlesOf({ title: { contains: '\\' } })).toEqual(['Thư mục C:\\hồ sơ']);
  });

  it('"%" alone finds only texts with a "%", not everything', async () => {
    expect(await titlesOf({ title: { contains: '%' } })).toEqual(['Đạt 50% chỉ tiêu']);
    expect(await titlesOf({ title: { startsWith: '%' } })).toEqual([]);
  });

  it('the searches of units and objectives match literally too', async () => {
    const units = ok(
      await api.gql<{ units: { totalCount: number } }>('{ units(filter: { q: "%" }) { totalCount } }', {}, token),
    );
    expect(units.units.totalCount).toBe(0);
    const objectives = ok(
      await api.gql<{ objectives: { totalCount: number } }>(
        '{ objectives(filter: { q: "_" }) { totalCount } }',
        {},
        token,
      ),
    );
    expect(objectives.objectives.totalCount).toBe(0);
  });
});

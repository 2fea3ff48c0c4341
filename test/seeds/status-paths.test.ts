// The demo seeds and the benchmark data write their tasks' timelines directly, not through the
// mutations. Each task's status changes, in timeline order, must still be a path the task workflow
// allows: from NOT_STARTED, every change a step of the rule table from the status before it, ending in
// the task's status. And the seeds reach the API's code only through seeds/api.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskRules } from '../../api/services/task-workflow.ts';
import type { TaskStatus } from '../../generated/prisma/client.ts';
import { benchAsOf, loadBenchData } from '../../scripts/bench-data.ts';
import { buildDemoData } from '../../seeds/build.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

interface StatusChange {
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus | null;
}

/** What is wrong with a task's path through the statuses; empty when the workflow allows it. */
function pathProblem(status: TaskStatus, changes: readonly StatusChange[]): string | null {
  let current: TaskStatus = 'NOT_STARTED';
  for (const { fromStatus, toStatus } of changes) {
    const step = Object.entries(taskRules).find(([, rule]) => rule.to === toStatus && rule.from.includes(current));
    if (fromStatus !== current || !step || !toStatus) return `${fromStatus} → ${toStatus} while ${current}`;
    current = toStatus;
  }
  return current === status ? null : `ends ${current} but is ${status}`;
}

describe('status paths', () => {
  it('of every demo task are steps of the task workflow', () => {
    const { tasks } = buildDemoData(new Date('2026-11-20T00:00:00Z'));
    const problems = tasks.flatMap((task) => {
      const changes = task.events.filter((event) => event.type === 'STATUS_CHANGED');
      const problem = pathProblem(
        task.seed.status,
        changes.map((c) => ({ fromStatus: c.fromStatus ?? null, toStatus: c.toStatus ?? null })),
      );
      return problem ? [`${task.seed.key}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  describe('of every benchmark task', () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase('pglite');
      await loadBenchData(db.prisma, 'S');
    });

    afterAll(async () => {
      await db?.destroy();
    });

    it(`(size S, as of ${benchAsOf}) are steps of the task workflow, in timeline order`, async () => {
      const tasks = await db.prisma.task.findMany({
        select: {
          id: true,
          status: true,
          timeline: {
            where: { type: 'STATUS_CHANGED' },
            select: { fromStatus: true, toStatus: true },
            orderBy: [{ at: 'asc' }, { id: 'asc' }],
          },
        },
      });
      expect(tasks.length).toBeGreaterThan(1000);
      const problems = tasks.flatMap((task) => {
        const problem = pathProblem(task.status, task.timeline);
        return problem ? [`Task ${task.id}: ${problem}`] : [];
      });
      expect(problems).toEqual([]);
    });
  });
});

describe('the seeds', () => {
  it("import the API's code only through seeds/api.ts", () => {
    const root = path.resolve(import.meta.dirname, '../../seeds');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const reaching = files.filter(
      (file) => file !== 'api.ts' && /from '(\.\.\/)+api\//.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(reaching).toEqual([]);
  });
});

// timelinessOf (JavaScript, for one task) and timelinessWhere (SQL, for lists, filters and counts) are
// two encodings of one rule. Random tasks and days, written to a real database: for every timeliness
// value the SQL filter must select exactly the tasks that timelinessOf puts in it (and no cancelled one).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../api/services/calendar.ts';
import { timelinessOf, timelinessValues, timelinessWhere } from '../../api/services/timeliness.ts';
import { TaskStatus, type Prisma } from '../../generated/prisma/client.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from '../support/databases.ts';

const base = new Date('2026-03-01T00:00:00.000Z');

/**
 * A task as the database allows it: the deadline never before the start, an extension only moving it
 * later, a completion day (on or after the start) exactly when it is completed. Small ranges, so that
 * deadlines, completion days and the due-soon window's edges often fall on the same day.
 */
const taskDates = fc
  .record({
    status: fc.constantFrom(...Object.values(TaskStatus)),
    start: fc.integer({ min: 0, max: 20 }),
    length: fc.integer({ min: 0, max: 20 }),
    extension: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 })),
    completedAfter: fc.integer({ min: 0, max: 40 }),
  })
  .map(({ status, start, length, extension, completedAfter }) => {
    const startDate = addDays(base, start);
    const originalDeadline = addDays(startDate, length);
    const completed = status === TaskStatus.COMPLETED;
    return {
      status,
      startDate,
      originalDeadline,
      deadline: addDays(originalDeadline, extension),
      completedOn: completed ? addDays(startDate, completedAfter) : null,
      progress: completed ? 100 : 0,
      // What the other checks of the table ask of these statuses; timeliness reads neither.
      submittedAt: status === TaskStatus.SUBMITTED ? startDate : null,
      statusReason: status === TaskStatus.RETURNED || status === TaskStatus.CANCELLED ? 'Reason' : null,
    };
  });

const run = fc.record({
  tasks: fc.array(taskDates, { minLength: 1, maxLength: 30 }),
  today: fc.integer({ min: -5, max: 70 }).map((offset) => addDays(base, offset)),
  dueSoonDays: fc.integer({ min: 0, max: 10 }),
});

describe.each(databaseKinds)('timeliness in JavaScript and in SQL on %s', (kind) => {
  let db: TestDatabase;
  let owner: { objectiveId: number; leadUnitId: number };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const resolution = await db.prisma.resolution.create({
      data: { code: 'P-1', title: 'Property test', issuedBy: 'Test', issuedOn: base, horizonYear: 2030 },
    });
    const area = await db.prisma.reformArea.create({ data: { code: 'AREA', name: 'Area', nameEn: 'Area' } });
    const objective = await db.prisma.objective.create({
      data: { resolutionId: resolution.id, reformAreaId: area.id, code: 'MT1', title: 'Objective' },
    });
    const unit = await db.prisma.unit.create({ data: { code: 'U1', name: 'Unit', kind: 'DISTRICT' } });
    owner = { objectiveId: objective.id, leadUnitId: unit.id };
  });

  afterAll(async () => {
    await db?.destroy();
  });

  it('select exactly the same tasks for every value', async () => {
    const fields = db.prisma.task.fields;
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(run, async ({ tasks, today, dueSoonDays }) => {
        await db.prisma.task.deleteMany();
        const rows = await db.prisma.task.createManyAndReturn({
          data: tasks.map((task, i): Prisma.TaskCreateManyInput => ({ ...task, ...owner, title: `Task ${i}` })),
          select: { id: true, title: true },
        });
        const byId = new Map(rows.map((row) => [row.id, tasks[Number(row.title.slice(5))] as (typeof tasks)[number]]));
        for (const value of timelinessValues) {
          const selected = await db.prisma.task.findMany({
            where: timelinessWhere(value, today, dueSoonDays, fields),
            select: { id: true },
            orderBy: { id: 'asc' },
          });
          const expected = [...byId]
            .filter(([, task]) => timelinessOf(task, today, dueSoonDays) === value)
            .map(([id]) => id)
            .sort((a, b) => a - b);
          expect(
            selected.map((row) => row.id),
            `${value} on ${today.toISOString().slice(0, 10)}`,
          ).toEqual(expected);
          if (expected.length) seen.add(value);
        }
      }),
      { numRuns: 100 },
    );
    // The generator reaches every value, so none was checked only on empty sets.
    expect([...seen].sort()).toEqual([...timelinessValues].sort());
  });
});

import { describe, expect, it } from 'vitest';
import { addCount, emptyCounts, periodOf, rollUp, type CountedGroup } from '../../api/services/task-aggregates.ts';

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

describe('task aggregate helpers', () => {
  it('puts a deadline in its calendar month and year', () => {
    expect(periodOf(day('2026-03-01'), 'MONTH')).toEqual({ key: '2026-03', year: 2026, month: 3 });
    expect(periodOf(day('2025-12-31'), 'MONTH')).toEqual({ key: '2025-12', year: 2025, month: 12 });
    expect(periodOf(day('2025-12-31'), 'YEAR')).toEqual({ key: '2025', year: 2025, month: null });
    expect(periodOf(day('2026-01-01'), 'YEAR')).toEqual({ key: '2026', year: 2026, month: null });
  });

  it('keeps open, completed and total in step with the categories', () => {
    const counts = emptyCounts();
    addCount(counts, 'ON_TRACK', 3);
    addCount(counts, 'DUE_SOON', 1);
    addCount(counts, 'OVERDUE', 2);
    addCount(counts, 'COMPLETED_ON_TIME', 4);
    addCount(counts, 'COMPLETED_WITHIN_EXTENSION', 5);
    addCount(counts, 'COMPLETED_LATE', 6);
    addCount(counts, 'CANCELLED', 7);
    expect(counts).toEqual({
      onTrack: 3,
      dueSoon: 1,
      overdue: 2,
      completedOnTime: 4,
      completedWithinExtension: 5,
      completedLate: 6,
      cancelled: 7,
      open: 6,
      completed: 15,
      total: 28,
    });
  });

  it('rolls groups up into coarser ones, adding every count', () => {
    const group = (key: string, overdue: number, late: number, cancelled: number): CountedGroup<string> => {
      const counts = emptyCounts();
      addCount(counts, 'OVERDUE', overdue);
      addCount(counts, 'COMPLETED_LATE', late);
      addCount(counts, 'CANCELLED', cancelled);
      return { key, counts };
    };
    const days = [group('2026-03-01', 1, 0, 0), group('2026-04-02', 0, 2, 0), group('2026-03-31', 2, 1, 1)];
    const months = rollUp(days, (key) => key.slice(0, 7));
    expect(months.map((m) => [m.key, m.counts.overdue, m.counts.completedLate, m.counts.cancelled])).toEqual([
      ['2026-03', 3, 1, 1],
      ['2026-04', 0, 2, 0],
    ]);
    expect(months.map((m) => [m.counts.open, m.counts.completed, m.counts.total])).toEqual([
      [3, 1, 5],
      [0, 2, 2],
    ]);
  });

  it('drops groups that roll up into nothing', () => {
    const counts = emptyCounts();
    addCount(counts, 'ON_TRACK', 1);
    expect(rollUp([{ key: 1, counts }], () => undefined)).toEqual([]);
  });
});

// The dashboard's timeliness chart by unit: which units it draws first (the chart shows the first 20
// until asked for all, so this order decides who is seen on a province's dashboard).
import { describe, expect, it } from 'vitest';
import { unitRows } from '../../admin/src/dashboard/format.ts';

const group = (name: string | null, overdue: number, open: number, total: number) => ({
  key: name ?? 'none',
  unit: name ? { id: `Unit:${name}`, name } : null,
  year: null,
  month: null,
  onTrack: open - overdue,
  dueSoon: 0,
  overdue,
  completedOnTime: total - open,
  completedWithinExtension: 0,
  completedLate: 0,
  open,
  total,
});

describe('units of the timeliness chart', () => {
  it('puts most overdue first, then most open, then names in order, and leaves out units without tasks', () => {
    const rows = unitRows([
      group('Xã Quốc Oai', 1, 5, 9),
      group('Xã An Nhơn', 3, 3, 4),
      group('Xã Bình Minh', 1, 5, 6),
      group('Phòng Nội vụ', 1, 7, 7),
      group('Xã Đạ Lây', 0, 0, 0),
    ]);
    expect(rows.map((row) => row.label)).toEqual(['Xã An Nhơn', 'Phòng Nội vụ', 'Xã Bình Minh', 'Xã Quốc Oai']);
  });

  it('labels a group without a unit by its key', () => {
    expect(unitRows([group(null, 0, 1, 1)])[0]?.label).toBe('none');
  });
});

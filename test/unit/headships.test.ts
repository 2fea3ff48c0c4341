import { describe, expect, it } from 'vitest';
import { accountableDay, headshipOn } from '../../api/services/headship.ts';

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
const headships = [
  { name: 'former', startDate: day('2021-01-01'), endDate: day('2025-12-31') },
  { name: 'current', startDate: day('2026-01-01'), endDate: null },
];

describe('the accountable head', () => {
  it('is the head whose headship includes the day, last day included', () => {
    expect(headshipOn(headships, day('2025-12-31'))?.name).toBe('former');
    expect(headshipOn(headships, day('2026-01-01'))?.name).toBe('current');
  });

  it('is nobody before the first headship', () => {
    expect(headshipOn(headships, day('2020-12-31'))).toBeNull();
  });

  it('answers for a finished task on its completion day, and for an open one today', () => {
    const today = day('2026-03-10');
    expect(accountableDay({ completedOn: day('2025-06-01') }, today)).toEqual(day('2025-06-01'));
    expect(accountableDay({ completedOn: null }, today)).toEqual(today);
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, dayIn, daysBetween, formatDay, parseDay } from '../../api/services/calendar.ts';

describe('calendar days in the district', () => {
  it('counts 23:59 in Hanoi as the same day even though it is the previous evening in UTC', () => {
    // 2026-03-10 23:59 in Asia/Ho_Chi_Minh is 16:59 UTC the same day.
    expect(formatDay(dayIn(new Date('2026-03-10T16:59:00Z'), 'Asia/Ho_Chi_Minh'))).toBe('2026-03-10');
  });

  it('turns to the next day at midnight in Hanoi, which is 17:00 UTC', () => {
    expect(formatDay(dayIn(new Date('2026-03-10T17:00:00Z'), 'Asia/Ho_Chi_Minh'))).toBe('2026-03-11');
  });

  it("is already New Year's Day in Hanoi at 20:00 UTC on 31 December", () => {
    expect(formatDay(dayIn(new Date('2026-12-31T20:00:00Z'), 'Asia/Ho_Chi_Minh'))).toBe('2027-01-01');
  });

  it('adds and counts whole days across month ends', () => {
    const day = new Date('2026-02-27T00:00:00Z');
    expect(formatDay(addDays(day, 2))).toBe('2026-03-01');
    expect(daysBetween(day, new Date('2026-03-01T00:00:00Z'))).toBe(2);
    expect(daysBetween(new Date('2026-03-01T00:00:00Z'), day)).toBe(-2);
  });

  it('parses only real calendar days', () => {
    expect(parseDay('2026-02-28')?.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('28/02/2026')).toBeNull();
  });
});

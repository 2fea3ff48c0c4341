import { describe, expect, it } from 'vitest';
import { timelinessOf, type TaskDates } from '../../api/services/timeliness.ts';

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
const today = day('2026-03-10');

const open = (deadline: string): TaskDates => ({
  status: 'IN_PROGRESS',
  deadline: day(deadline),
  originalDeadline: day(deadline),
  completedOn: null,
});

const completed = (completedOn: string, originalDeadline: string, deadline = originalDeadline): TaskDates => ({
  status: 'COMPLETED',
  deadline: day(deadline),
  originalDeadline: day(originalDeadline),
  completedOn: day(completedOn),
});

describe('timeliness of a task', () => {
  it('is overdue from the day after the deadline', () => {
    expect(timelinessOf(open('2026-03-09'), today, 7)).toBe('OVERDUE');
  });

  it('is due soon, not overdue, on the deadline day itself', () => {
    expect(timelinessOf(open('2026-03-10'), today, 7)).toBe('DUE_SOON');
  });

  it('is due soon up to the last day of the window and on track after it', () => {
    expect(timelinessOf(open('2026-03-17'), today, 7)).toBe('DUE_SOON');
    expect(timelinessOf(open('2026-03-18'), today, 7)).toBe('ON_TRACK');
  });

  it('follows a configured window', () => {
    expect(timelinessOf(open('2026-03-12'), today, 1)).toBe('ON_TRACK');
    expect(timelinessOf(open('2026-03-11'), today, 1)).toBe('DUE_SOON');
  });

  it('counts submitted and returned tasks as still open', () => {
    expect(timelinessOf({ ...open('2026-03-01'), status: 'SUBMITTED' }, today, 7)).toBe('OVERDUE');
    expect(timelinessOf({ ...open('2026-03-01'), status: 'RETURNED' }, today, 7)).toBe('OVERDUE');
  });

  it('is on time when completed on the original deadline day', () => {
    expect(timelinessOf(completed('2026-01-31', '2026-01-31'), today, 7)).toBe('COMPLETED_ON_TIME');
  });

  it('keeps work finished within an approved extension apart from on-time work', () => {
    expect(timelinessOf(completed('2026-02-10', '2026-01-31', '2026-02-28'), today, 7)).toBe(
      'COMPLETED_WITHIN_EXTENSION',
    );
  });

  it('is late when completed after the (extended) deadline', () => {
    expect(timelinessOf(completed('2026-02-01', '2026-01-31'), today, 7)).toBe('COMPLETED_LATE');
    expect(timelinessOf(completed('2026-03-01', '2026-01-31', '2026-02-28'), today, 7)).toBe('COMPLETED_LATE');
  });

  it('has none for a cancelled task', () => {
    expect(timelinessOf({ ...open('2026-03-01'), status: 'CANCELLED' }, today, 7)).toBeNull();
  });
});

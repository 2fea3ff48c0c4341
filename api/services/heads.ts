/** A term as head of a unit, as stored (endDate inclusive, null while in post). */
export interface Term {
  startDate: Date;
  endDate: Date | null;
}

/** The term in force on `day`, if any. Terms of one unit never overlap (a database trigger sees to it). */
export function termOn<T extends Term>(terms: readonly T[], day: Date): T | null {
  return terms.find((term) => term.startDate <= day && (term.endDate === null || term.endDate >= day)) ?? null;
}

/**
 * The day whose head answers for a task: the completion day of a finished task, otherwise today
 * (an open task is the current head's to finish).
 */
export function accountableDay(task: { completedOn: Date | null }, today: Date): Date {
  return task.completedOn ?? today;
}

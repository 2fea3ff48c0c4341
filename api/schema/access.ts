// Who may call what, as scope-auth scope sets. The full role model (unit heads on their own unit's
// tasks, the committee's reviews) builds on these.

/** The secretariat only. */
export const adminOnly = { roles: ['ADMIN'] } as const;

/** The secretariat and unit heads (the service then limits heads to their own unit). */
export const adminOrUnitHead = { roles: ['ADMIN', 'UNIT_HEAD'] } as const;

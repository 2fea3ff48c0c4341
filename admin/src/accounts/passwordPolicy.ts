// The simple part of the API's password policy, checked in the form before anything is sent: 12
// characters or more, not containing the username, not one character repeated. The API checks the
// whole policy (names, common and published passwords) and names the rule it refuses by, which the
// form shows in the current language (par.accounts.password_rules).
import type { Validator } from 'react-admin';

/** The API's shortest password. */
export const minPasswordLength = 12;

/** A validator of a new password for the account whose username `usernameOf` reads. */
export function passwordPolicy(usernameOf: (values: Record<string, unknown>) => unknown): Validator {
  return (value: unknown, values: Record<string, unknown>) => {
    // An empty password is for required() to report.
    if (typeof value !== 'string' || value === '') return undefined;
    const characters = [...value];
    if (characters.length < minPasswordLength) {
      return { message: 'ra.validation.minLength', args: { min: minPasswordLength } };
    }
    const username = String(usernameOf(values) ?? '')
      .trim()
      .toLowerCase();
    if (username && value.toLowerCase().includes(username)) return 'par.accounts.password_contains_username';
    if (new Set(characters).size === 1) return 'par.accounts.password_repeated';
    return undefined;
  };
}

/** The confirmation of a new password typed in `source`. */
export const sameAs =
  (source: string): Validator =>
  (value: unknown, values: Record<string, unknown>) =>
    value !== values[source] ? 'par.account.passwords_differ' : undefined;

// The one password policy, for every password an account gets: createAccount, resetPassword,
// changePassword and the first secretariat account from INITIAL_ADMIN_PASSWORD. A password is 12 to
// 256 characters, does not contain the account's username or name, is not printed anywhere in this
// project (refused in production), and is not a commonly used password: the list of about 49,000 that
// zxcvbn-ts maintains (@zxcvbn-ts/language-common, MIT), loaded once, on first use.
import { createRequire } from 'node:module';

export const minPasswordLength = 12;
export const maxPasswordLength = 256;

/** Which rule a password breaks; clients may show their own text for each. */
export type PasswordRule =
  'TOO_SHORT' | 'TOO_LONG' | 'CONTAINS_USERNAME' | 'CONTAINS_NAME' | 'REPEATED' | 'PUBLISHED' | 'COMMON';

export interface PasswordProblem {
  rule: PasswordRule;
  /** What is wrong, in words a form can show. */
  message: string;
}

/** The account the password is for. */
export interface PasswordOwner {
  username: string;
  displayName?: string | null;
}

export interface PasswordPolicyOptions {
  /**
   * Whether the passwords printed in this project may be set: outside production only, so that the
   * demo and the tests can keep using them.
   */
  allowPublished: boolean;
}

/**
 * Passwords printed in this project (README, demo data, test fixtures, scripts): anyone who reads the
 * source knows them. Production refuses them, and anything containing one of them. A unit test checks
 * that the demo's and the fixtures' are here.
 */
export const publishedPasswords: readonly string[] = [
  'DaTeh@PAR2022', // every demo account's (README, seeds/data/accounts.ts)
  'correct-horse-battery', // test fixtures' accounts (test/support/api.ts)
  'Doi-ngu-CCHC-2026', // browser tests of changing, setting and resetting a password
  'Lam-Dong#Da-Teh-2026',
  'Mat-khau-moi@PTP-2026',
  'a good new password', // API tests of resets and changes
];

/**
 * Guessable passwords that the common list misses: famous ones, and the words anyone would try on the
 * district's reform tracker (with digits added, as the list's). Compared like the list.
 */
export const wellKnownPasswords: readonly string[] = [
  'correct horse battery staple',
  'change me please',
  'Đạ Tẻh',
  'cải cách hành chính',
  'ủy ban nhân dân',
];

/** Lower case without diacritics: "Đạ Tẻh" → "da teh". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/đ/g, 'd');
}

/** Letters and digits only, folded: "Head.PNV" → "headpnv". */
const compact = (text: string) => fold(text).replace(/[^\p{L}\p{N}]/gu, '');

/** Shorter parts of a name ("Văn", "An") are part of too many words to refuse. */
const shortestNamePart = 4;
/** Shorter usernames are too common as parts of words to refuse. */
const shortestUsername = 3;
/** A password's start left after stripping digits and symbols is compared only from this length. */
const shortestStem = 4;

let commonPasswords: Set<string> | undefined;

/** The common list as a Set, read on first use: it takes time and memory (docs/benchmarks.md). */
function commonList(): Set<string> {
  if (!commonPasswords) {
    const require = createRequire(import.meta.url);
    const list = require('@zxcvbn-ts/language-common/src/passwords.json') as string[];
    commonPasswords = new Set([...list, ...wellKnownPasswords.map(compact)]);
  }
  return commonPasswords;
}

/**
 * The forms of a password compared with the common list: as typed (folded), without spaces or
 * symbols, and each without what trails its last letter ("Sunshine2026!" → "sunshine"), the first
 * change a guesser tries.
 */
function commonForms(password: string): string[] {
  const forms = new Set([fold(password), fold(password).replace(/\s+/g, ''), compact(password)]);
  for (const form of [...forms]) {
    const stem = form.replace(/[^\p{L}]+$/u, '');
    if ([...stem].length >= shortestStem) forms.add(stem);
  }
  return [...forms];
}

/** The parts of an account's name worth refusing in its password, and the whole name. */
function nameParts(displayName: string): string[] {
  const parts = fold(displayName)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => [...part].length >= shortestNamePart);
  const whole = compact(displayName);
  return [...parts, ...([...whole].length >= shortestNamePart ? [whole] : [])];
}

/** What is wrong with a password for an account, or null when the policy accepts it. */
export function passwordProblem(
  password: string,
  owner: PasswordOwner,
  options: PasswordPolicyOptions,
): PasswordProblem | null {
  const characters = [...password];
  if (characters.length < minPasswordLength) {
    return { rule: 'TOO_SHORT', message: `Use at least ${minPasswordLength} characters` };
  }
  if (password.length > maxPasswordLength) {
    return { rule: 'TOO_LONG', message: `Use at most ${maxPasswordLength} characters` };
  }
  const letters = compact(password);
  const username = compact(owner.username);
  if (username.length >= shortestUsername && letters.includes(username)) {
    return { rule: 'CONTAINS_USERNAME', message: 'Must not contain the username' };
  }
  if (owner.displayName && nameParts(owner.displayName).some((part) => letters.includes(part))) {
    return { rule: 'CONTAINS_NAME', message: "Must not contain the account's name" };
  }
  if (new Set(characters).size === 1) return { rule: 'REPEATED', message: 'Must not be one character repeated' };
  if (!options.allowPublished && publishedPasswords.some((published) => letters.includes(compact(published)))) {
    return {
      rule: 'PUBLISHED',
      message: 'This password is printed in the documentation, the demo data or the tests: choose another one',
    };
  }
  const common = commonList();
  if (commonForms(password).some((form) => common.has(form))) {
    return {
      rule: 'COMMON',
      message: 'This is a commonly used password, or one with digits or symbols added: choose a less common one',
    };
  }
  return null;
}

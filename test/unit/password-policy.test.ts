import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../api/errors.ts';
import { assertPasswordPolicy } from '../../api/services/account.ts';
import {
  passwordProblem,
  publishedPasswords,
  wellKnownPasswords,
  type PasswordOwner,
} from '../../api/services/password-policy.ts';
import { demoPassword } from '../../seeds/data/accounts.ts';
import { fixturePassword } from '../support/api.ts';

const production = { allowPublished: false };
const development = { allowPublished: true };
const analyst: PasswordOwner = { username: 'analyst', displayName: 'Chuyên viên phân tích' };
/** The rule a password breaks for `owner`, in production unless told otherwise. */
const rule = (password: string, owner: PasswordOwner = analyst, options = production) =>
  passwordProblem(password, owner, options)?.rule ?? null;

describe('the password policy', () => {
  it('accepts 12 to 256 characters that break no rule', () => {
    expect(rule('Đạ Tẻh 2026 cải cách', { username: 'head.pnv' })).toBeNull();
    expect(rule('a1b2c3d4e5f6')).toBeNull();
    expect(rule('x'.repeat(255) + 'y')).toBeNull();
    expect(rule('tulip orbit gravel 71')).toBeNull();
  });

  it('wants at least 12 characters, counting letters with diacritics once, and at most 256', () => {
    expect(passwordProblem('a1b2c3d4e5f', analyst, production)).toEqual({
      rule: 'TOO_SHORT',
      message: 'Use at least 12 characters',
    });
    expect(rule('ạảãàáâậầấẩẫă')).toBeNull();
    expect(passwordProblem('x'.repeat(256) + 'y', analyst, production)?.message).toBe('Use at most 256 characters');
  });

  it('refuses the username inside the password, whatever the case, accents and separators', () => {
    const head = { username: 'head.pnv' };
    expect(rule('head.pnv.head.pnv', head)).toBe('CONTAINS_USERNAME');
    expect(rule('My-HEAD.PNV-2026', head)).toBe('CONTAINS_USERNAME');
    expect(rule('my headpnv tulip 2026', head)).toBe('CONTAINS_USERNAME');
    expect(rule('analyst-orbit-9', { username: 'Analyst' })).toBe('CONTAINS_USERNAME');
    expect(rule('ANALYST tulip 26')).toBe('CONTAINS_USERNAME');
  });

  it("refuses the account's name or a longer part of it, ignoring case and diacritics, not its short parts", () => {
    const owner = { username: 'head.tp', displayName: 'Nguyễn Văn An' };
    expect(rule('nguyen tulip orbit', owner)).toBe('CONTAINS_NAME');
    expect(rule('NGUYỄN-tulip-orbit', owner)).toBe('CONTAINS_NAME');
    expect(rule('tulip Nguyễn Văn An', owner)).toBe('CONTAINS_NAME');
    expect(rule('NguyenVanAn1990!', owner)).toBe('CONTAINS_NAME');
    // "Văn" and "An" are parts of too many words to refuse on their own.
    expect(rule('vanilla tulip orbit', owner)).toBeNull();
    expect(rule('Đạ Tẻh tulip orbit', { username: 'head.dt', displayName: 'Đạ Tẻh' })).toBe('CONTAINS_NAME');
  });

  it('refuses one character repeated', () => {
    expect(rule('aaaaaaaaaaaaaaaa')).toBe('REPEATED');
    expect(rule(' '.repeat(20))).toBe('REPEATED');
  });

  it('refuses commonly used passwords from the maintained list, in any letter case', () => {
    for (const password of ['123456789012', 'qwertyuiop12', 'administrator', 'QAZWSXEDCRFV', 'Leavemealone']) {
      expect(rule(password), password).toBe('COMMON');
    }
  });

  it('refuses a common password with digits or symbols added, or spaced out, or with diacritics', () => {
    for (const password of [
      'Password@123',
      'password1234',
      'P@ssw0rd1234',
      'iloveyou2026!!',
      'Sunshine 2026 #',
      'matkhau@123456',
      'Mật khẩu 2026!',
      'i love you 2026',
      'changeme1234',
    ]) {
      expect(rule(password), password).toBe('COMMON');
    }
    // Only what trails the last letter is stripped, and the rest must be long enough to mean something.
    expect(rule('tulip2026password')).toBeNull();
    expect(rule('abc1234567890')).toBeNull();
  });

  it('refuses the well-known passwords the list misses', () => {
    for (const password of wellKnownPasswords.filter((p) => [...p].length >= 12)) {
      expect(rule(password, analyst, development), password).toBe('COMMON');
    }
    expect(rule('Correct Horse Battery Staple', analyst, development)).toBe('COMMON');
    expect(rule('DaTeh@2026!!!')).toBe('COMMON');
    expect(rule('Cai cach hanh chinh 2026')).toBe('COMMON');
  });

  it("refuses in production the passwords printed in this project, the demo's and the fixtures' included", () => {
    expect(publishedPasswords).toContain(demoPassword);
    expect(publishedPasswords).toContain(fixturePassword);
    for (const password of [demoPassword, 'dateh@par2022', ' DaTeh@PAR2022 ', 'DaTeh@PAR2022-prod', fixturePassword]) {
      expect(rule(password), password).toBe('PUBLISHED');
    }
    for (const password of publishedPasswords)
      expect(rule(password, { username: 'someone' }), password).toBe('PUBLISHED');
  });

  it('lets the demo and the tests use them outside production', () => {
    expect(rule(demoPassword, analyst, development)).toBeNull();
    expect(rule(fixturePassword, analyst, development)).toBeNull();
    // Every other rule still holds there.
    expect(rule('Password@123', analyst, development)).toBe('COMMON');
  });

  it('names the field and the rule in its error', () => {
    let error: unknown;
    try {
      assertPasswordPolicy('password2026!', { username: 'analyst' }, 'input.password', production);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.password', rule: 'COMMON', message: expect.stringMatching(/commonly used/) }],
    });
    expect(() =>
      assertPasswordPolicy('a long enough passphrase', { username: 'analyst' }, 'newPassword', production),
    ).not.toThrow();
  });
});

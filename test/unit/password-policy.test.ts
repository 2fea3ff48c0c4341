import { describe, expect, it } from 'vitest';
import { assertPasswordPolicy, passwordProblem } from '../../api/services/accounts.ts';
import { ValidationError } from '../../api/errors.ts';

describe('the password policy', () => {
  it('accepts 12 to 256 characters that are not the username', () => {
    expect(passwordProblem('Đạ Tẻh 2026 cải cách', 'head.pnv')).toBeNull();
    expect(passwordProblem('a1b2c3d4e5f6', 'analyst')).toBeNull();
    expect(passwordProblem('x'.repeat(255) + 'y', 'analyst')).toBeNull();
  });

  it('wants at least 12 characters, counting letters with diacritics once', () => {
    expect(passwordProblem('a1b2c3d4e5f', 'analyst')).toMatch(/at least 12/);
    expect(passwordProblem('ạảãàáâậầấẩẫă', 'analyst')).toBeNull();
  });

  it('refuses more than 256 characters', () => {
    expect(passwordProblem('x'.repeat(256) + 'y', 'analyst')).toMatch(/at most 256/);
  });

  it('refuses the username, or a password containing it in any letter case', () => {
    expect(passwordProblem('head.pnv.head.pnv', 'head.pnv')).toMatch(/username/);
    expect(passwordProblem('My-HEAD.PNV-2026', 'head.pnv')).toMatch(/username/);
    expect(passwordProblem('analyst-password', 'Analyst')).toMatch(/username/);
  });

  it('refuses one character repeated', () => {
    expect(passwordProblem('aaaaaaaaaaaaaaaa', 'analyst')).toMatch(/one character/);
    expect(passwordProblem(' '.repeat(20), 'analyst')).toMatch(/one character/);
    expect(passwordProblem('aaaaaaaaaaaaaaab', 'analyst')).toBeNull();
  });

  it('names the field in its error', () => {
    let error: unknown;
    try {
      assertPasswordPolicy('short', 'analyst', 'input.password');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'input.password' }],
    });
    expect(() => assertPasswordPolicy('a long enough password', 'analyst', 'newPassword')).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { checkNewPasswordPair } from '../../../renderer/components/NewPasswordFields';

describe('checkNewPasswordPair', () => {
  it('accepts a long enough password typed the same twice', () => {
    expect(checkNewPasswordPair({ password: 'correct horse battery', confirm: 'correct horse battery' })).toEqual({
      password: null,
      confirm: null,
    });
  });

  it('says why a short password and a mismatched copy are refused', () => {
    const errors = checkNewPasswordPair({ password: 'too short', confirm: 'too shirt' });
    expect(errors.password).toMatch(/at least 12 characters\. It has 9\./);
    expect(errors.confirm).toBe('The two passwords do not match.');
  });

  it('asks for the second copy when it is empty', () => {
    expect(checkNewPasswordPair({ password: 'correct horse battery', confirm: '' }).confirm).toBe(
      'Enter the password again.',
    );
  });
});

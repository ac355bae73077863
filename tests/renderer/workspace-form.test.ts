// The workspace form's passphrase check: at least 8 characters (counted as the main process counts them), typed the same twice.
import { describe, expect, it } from 'vitest';
import { passphraseProblem } from '../../src-renderer/src/data/useWorkspace';

describe('passphraseProblem', () => {
  it('asks for 8 characters, counting an emoji as one', () => {
    expect(passphraseProblem('kort', null)).toBe('tooShort');
    expect(passphraseProblem('😀😀😀😀😀😀😀', null)).toBe('tooShort');
    expect(passphraseProblem('😀😀😀😀😀😀😀😀', null)).toBeNull();
  });

  it('asks for the same passphrase twice when saving, not when opening', () => {
    expect(passphraseProblem('lang genoeg', 'lang genoeg!')).toBe('mismatch');
    expect(passphraseProblem('lang genoeg', 'lang genoeg')).toBeNull();
    expect(passphraseProblem('lang genoeg', null)).toBeNull();
  });
});

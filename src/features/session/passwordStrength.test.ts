import { describe, expect, it } from 'vitest';
import { passwordStrength } from './passwordStrength';

describe('passwordStrength', () => {
  it('calls under 10 characters too short, long or varied passwords strong', () => {
    expect(passwordStrength('kort')).toBe('too-short');
    expect(passwordStrength('123456789')).toBe('too-short');
    expect(passwordStrength('abcdefghij')).toBe('fair');
    expect(passwordStrength('Fiets-2026!x')).toBe('strong');
    expect(passwordStrength('paard batterij nietje')).toBe('strong');
  });
});

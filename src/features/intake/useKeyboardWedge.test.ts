import { describe, expect, it } from 'vitest';
import { pickReading, usCharacter } from './useKeyboardWedge';

/** What a US-layout scanner's key codes look like, for a text, with shift where needed. */
function keysFor(text: string): [string, boolean][] {
  const table: Record<string, [string, boolean]> = {
    ':': ['Semicolon', true],
    '/': ['Slash', false],
    '.': ['Period', false],
    '-': ['Minus', false],
  };
  return Array.from(text, (ch): [string, boolean] => {
    if (/[A-Z]/.test(ch)) return [`Key${ch}`, true];
    if (/[a-z]/.test(ch)) return [`Key${ch.toUpperCase()}`, false];
    if (/\d/.test(ch)) return [`Digit${ch}`, false];
    return table[ch] ?? ['Unknown', false];
  });
}

describe('hardware scanner readings', () => {
  it('rebuilds what a US-layout scanner meant from the physical keys', () => {
    const url = 'https://bewaar.be/i/BW7K3Q9XTAE';
    expect(
      keysFor(url)
        .map(([code, shift]) => usCharacter(code, shift))
        .join(''),
    ).toBe(url);
  });

  it('prefers the reading that is a valid code', () => {
    // "BW7K3Q9XTAE" from a US scanner on an AZERTY tablet arrives as letters swapped and
    // digits shifted; the physical keys still spell the code.
    const azerty = 'BZèK"A çXTQE';
    expect(pickReading(azerty, 'BW7K3Q9XTAE')).toBe('BW7K3Q9XTAE');
    expect(pickReading('BW7K3Q9XTAE', 'garbage')).toBe('BW7K3Q9XTAE');
    expect(pickReading('nonsense', 'also nonsense')).toBe('nonsense');
  });
});

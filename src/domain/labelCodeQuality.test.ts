import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CODE_ALPHABET, checkSymbol } from './labelCode';
import { isValidBody, measureCheckSymbol } from './labelCodeQuality';

const PAIRS_PER_POSITION = 32 * 31;
const POSITIONS = 8; // payload[0]↔[1] … payload[7]↔check

const arbPayload = fc
  .array(fc.constantFrom(...Array.from(CODE_ALPHABET)), { minLength: 8, maxLength: 8 })
  .map((symbols) => symbols.join(''));

describe('check symbol quality', () => {
  it('detects every single-symbol substitution at all 9 positions', () => {
    fc.assert(
      fc.property(arbPayload, (payload) => {
        const body = payload + checkSymbol(payload);
        const missed: string[] = [];
        for (let pos = 0; pos < 9; pos++) {
          for (const other of CODE_ALPHABET) {
            const changed = body.slice(0, pos) + other + body.slice(pos + 1);
            if (other !== body.charAt(pos) && isValidBody(changed)) missed.push(changed);
          }
        }
        expect(missed).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('misses exactly the 0↔Z transposition, at every position, and nothing else', () => {
    const q = measureCheckSymbol();
    const payloads = 64;
    expect(q.substitutions).toEqual({ tested: payloads * 9 * 31, detected: payloads * 9 * 31 });
    expect(q.transpositions.tested).toBe(payloads * POSITIONS * PAIRS_PER_POSITION);
    expect(q.transpositions.undetectedPairs).toEqual(['0Z', 'Z0']);
    // Luhn is linear, so the blind spot does not depend on the other symbols: 2 pairs per position.
    expect(q.transpositions.tested - q.transpositions.detected).toBe(payloads * POSITIONS * 2);
  });

  it('gives the same blind spot for random payloads', () => {
    fc.assert(
      fc.property(fc.array(arbPayload, { minLength: 1, maxLength: 3 }), (payloads) => {
        const q = measureCheckSymbol(payloads);
        expect(q.substitutions.detected).toBe(q.substitutions.tested);
        expect(q.transpositions.undetectedPairs).toEqual(['0Z', 'Z0']);
        expect(q.transpositions.tested - q.transpositions.detected).toBe(
          payloads.length * POSITIONS * 2,
        );
      }),
      { numRuns: 20 },
    );
  });
});

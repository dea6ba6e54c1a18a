import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  CODE_ALPHABET,
  checkSymbol,
  codeUrl,
  formatCode,
  generateCode,
  parseCode,
  twinCode,
} from './labelCode';
import type { CodeKind } from './labelCode';

const VALID = 'BW7K3Q9XTA' + checkSymbol('7K3Q9XTA');
const bytesOf = (values: number[]) => (n: number) => Uint8Array.from(values.slice(0, n));

const arbKind = fc.constantFrom<CodeKind>('item', 'cage');
const arbCode = fc
  .tuple(arbKind, fc.uint8Array({ minLength: 8, maxLength: 8 }))
  .map(([kind, bytes]) => generateCode(kind, () => bytes));
const arbOrigin = fc.constantFrom(
  'https://bewaar.example',
  'https://bewaar.example/',
  'http://localhost:5173',
  'https://x.be/app',
);

describe('checkSymbol', () => {
  it('follows Luhn mod 32 by hand for a known payload', () => {
    // 00000001: rightmost 1 doubled = 2, sum 2, check (32 - 2) % 32 = 30 = 'Y'
    expect(checkSymbol('00000001')).toBe('Y');
    // 0000000Z: Z = 31 doubled = 62 = 1·32 + 30, reduced to 1 + 30 = 31, check 1
    expect(checkSymbol('0000000Z')).toBe('1');
    expect(checkSymbol('00000000')).toBe('0');
    // 00000010: undoubled 1, check 31 = 'Z'
    expect(checkSymbol('00000010')).toBe('Z');
  });
  it('rejects symbols outside the alphabet', () => {
    expect(() => checkSymbol('0000000U')).toThrow();
  });
});

describe('generateCode', () => {
  it('maps each byte to its low five bits', () => {
    expect(generateCode('item', bytesOf([0, 1, 31, 32, 255, 10, 20, 30]))).toBe(
      'BW01Z0ZAMY' + checkSymbol('01Z0ZAMY'),
    );
    expect(generateCode('cage', bytesOf([0, 0, 0, 0, 0, 0, 0, 0]))).toBe('BK000000000');
  });
  it('refuses a short random source', () => {
    expect(() => generateCode('item', () => new Uint8Array(3))).toThrow();
  });
  it('always yields 11 symbols from the alphabet with the right prefix', () => {
    fc.assert(
      fc.property(arbKind, fc.uint8Array({ minLength: 8, maxLength: 8 }), (kind, bytes) => {
        const code = generateCode(kind, () => bytes);
        expect(code).toMatch(new RegExp(`^${kind === 'item' ? 'BW' : 'BK'}[${CODE_ALPHABET}]{9}$`));
      }),
    );
  });
});

describe('parseCode', () => {
  it.each([
    ['bare', VALID],
    ['lower case', VALID.toLowerCase()],
    ['printed form', formatCode(VALID)],
    ['spaces and tabs', ` ${VALID.slice(0, 4)} ${VALID.slice(4, 8)}\t${VALID.slice(8)}\n`],
    ['en dash', `BW–${VALID.slice(2)}`],
    ['url', `https://bewaar.example/i/${VALID}`],
    ['url with slash and query', `https://bewaar.example/i/${VALID}/?utm=x#top`],
    ['relative url', `/i/${VALID.toLowerCase()}`],
    ['url with printed form', `https://b.example/app/i/${formatCode(VALID)}`],
  ])('accepts %s', (_name, input) => {
    expect(parseCode(input)).toEqual({ ok: true, code: VALID, kind: 'item' });
  });

  it('reads I and L as 1 and O as 0', () => {
    const payload = '1010Z0Z1';
    const code = `BK${payload}${checkSymbol(payload)}`;
    expect(parseCode('bk I O l O z o z i' + checkSymbol(payload))).toEqual({
      ok: true,
      code,
      kind: 'cage',
    });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [' - ', 'empty'],
    ['https://bewaar.example/i/', 'empty'],
    ['XX7K3Q9XTAE', 'prefix'],
    ['B', 'length'],
    ['BW', 'length'],
    ['BW7K3Q9XTA', 'length'],
    [VALID + '0', 'length'],
    ['BW7K3U9XTAE', 'symbol'],
    ['BW7K3Q9XTA*', 'symbol'],
    ['https://bewaar.example/x/BW7K3Q9XTAE', 'prefix'],
  ] as const)('rejects %j as %s', (input, error) => {
    expect(parseCode(input)).toEqual({ ok: false, error });
  });

  it('refuses a prefix typed in front of a whole code', () => {
    expect(parseCode(`BK-${formatCode(VALID)}`)).toEqual({ ok: false, error: 'double-prefix' });
    expect(parseCode(`bw${VALID.replace('BW', 'BK')}`)).toEqual({
      ok: false,
      error: 'double-prefix',
    });
  });

  it('reports a wrong check symbol as check, never as a new code', () => {
    const wrong = VALID.slice(0, 10) + (VALID.endsWith('0') ? '1' : '0');
    expect(parseCode(wrong)).toEqual({ ok: false, error: 'check' });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof parseCode(s).ok).toBe('boolean');
      }),
    );
  });

  it('round-trips generated codes in bare, printed and URL form', () => {
    fc.assert(
      fc.property(arbCode, arbOrigin, (code, origin) => {
        const kind = code.startsWith('BW') ? 'item' : 'cage';
        const expected = { ok: true, code, kind };
        expect(parseCode(code)).toEqual(expected);
        expect(parseCode(formatCode(code))).toEqual(expected);
        expect(parseCode(codeUrl(origin, code))).toEqual(expected);
        expect(parseCode(formatCode(code).toLowerCase())).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('twinCode', () => {
  it('swaps the prefix and keeps the symbols, both ways', () => {
    const cage = `BK${VALID.slice(2)}`;
    expect(twinCode(VALID)).toBe(cage);
    expect(twinCode(cage)).toBe(VALID);
    // The check symbol covers the symbols only: the twin of a valid code is valid too, which is
    // why a mistyped prefix must be caught by looking the twin up.
    expect(parseCode(twinCode(VALID))).toEqual({ ok: true, code: cage, kind: 'cage' });
  });
});

describe('formatCode and codeUrl', () => {
  it('groups prefix, 4, 4, check', () => {
    expect(formatCode('BW7K3Q9XTAE')).toBe('BW-7K3Q-9XTA-E');
    expect(formatCode('nonsense')).toBe('nonsense');
  });
  it('strips a trailing slash from the origin', () => {
    expect(codeUrl('https://bewaar.example/', 'BW7K3Q9XTAE')).toBe(
      'https://bewaar.example/i/BW7K3Q9XTAE',
    );
    expect(codeUrl('https://bewaar.example', 'BW7K3Q9XTAE')).toBe(
      'https://bewaar.example/i/BW7K3Q9XTAE',
    );
  });
});

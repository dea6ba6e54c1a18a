// Exhaustive measurement of what the Luhn mod 32 check symbol catches, so the docs can state the
// detection rates from code rather than from a textbook.
import { CODE_ALPHABET, checkSymbol } from './labelCode';

export interface CheckSymbolQuality {
  substitutions: { tested: number; detected: number };
  transpositions: { tested: number; detected: number; undetectedPairs: string[] };
}

const PAYLOAD_LENGTH = 8;
const BODY_LENGTH = PAYLOAD_LENGTH + 1;
const MEASURED_PAYLOADS = 64;

// A fixed linear congruential sequence: deterministic payloads without Math.random.
function fixedPayloads(count: number): string[] {
  const payloads: string[] = [];
  let state = 0x2545f491;
  for (let p = 0; p < count; p++) {
    let payload = '';
    for (let i = 0; i < PAYLOAD_LENGTH; i++) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      payload += CODE_ALPHABET.charAt((state >>> 16) & 31);
    }
    payloads.push(payload);
  }
  return payloads;
}

/** Whether a 9-symbol body (8 payload + check) carries a correct check symbol. */
export function isValidBody(body: string): boolean {
  return checkSymbol(body.slice(0, PAYLOAD_LENGTH)) === body.charAt(PAYLOAD_LENGTH);
}

function withPayload(payload: string): string {
  return payload + checkSymbol(payload);
}

function replaceAt(text: string, index: number, ch: string): string {
  return text.slice(0, index) + ch + text.slice(index + 1);
}

// A valid body with symbol a at `pos` and b at `pos + 1`. When pos + 1 is the check position we
// cannot set the check directly, so we search payload[0] (an undoubled position: all 32 values
// give 32 different check symbols) until the check comes out as b.
function bodyWithPair(payload: string, pos: number, a: string, b: string): string {
  if (pos + 1 < PAYLOAD_LENGTH)
    return withPayload(replaceAt(replaceAt(payload, pos, a), pos + 1, b));
  const base = replaceAt(payload, PAYLOAD_LENGTH - 1, a);
  for (const first of CODE_ALPHABET) {
    const body = withPayload(replaceAt(base, 0, first));
    if (body.charAt(PAYLOAD_LENGTH) === b) return body;
  }
  throw new Error('bodyWithPair: no payload gives that check symbol');
}

/** Every substitution and adjacent transposition over fixed payloads, tested exhaustively. */
export function measureCheckSymbol(
  payloads: readonly string[] = fixedPayloads(MEASURED_PAYLOADS),
): CheckSymbolQuality {
  const substitutions = { tested: 0, detected: 0 };
  const transpositions = { tested: 0, detected: 0 };
  const undetected = new Set<string>();
  for (const payload of payloads) {
    const body = withPayload(payload);
    for (let pos = 0; pos < BODY_LENGTH; pos++) {
      for (const other of CODE_ALPHABET) {
        if (other === body.charAt(pos)) continue;
        substitutions.tested++;
        if (!isValidBody(replaceAt(body, pos, other))) substitutions.detected++;
      }
    }
    for (let pos = 0; pos < BODY_LENGTH - 1; pos++) {
      for (const a of CODE_ALPHABET) {
        for (const b of CODE_ALPHABET) {
          if (a === b) continue;
          const swapped = replaceAt(
            replaceAt(bodyWithPair(payload, pos, a, b), pos, b),
            pos + 1,
            a,
          );
          transpositions.tested++;
          if (isValidBody(swapped)) undetected.add(a + b);
          else transpositions.detected++;
        }
      }
    }
  }
  return {
    substitutions,
    transpositions: { ...transpositions, undetectedPairs: [...undetected].sort() },
  };
}

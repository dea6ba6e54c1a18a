// Label codes printed on item and cage QR labels: prefix + 8 random Crockford base-32 symbols +
// 1 Luhn mod 32 check symbol. Pure: randomness is passed in by the caller.

/** Crockford base-32: 0-9A-Z without I, L, O, U (they read like 1, 1, 0 and V). */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Labels of the park-to-shop flow (item, cage) and of repair-café days (session, ticket). */
export type CodeKind = 'item' | 'cage' | 'session' | 'ticket';
/** The kinds a park or shop device reads: a café's session or ticket code is none of its own. */
export type LabelKind = 'item' | 'cage';

export const CODE_PREFIX: Record<CodeKind, string> = {
  item: 'BW',
  cage: 'BK',
  session: 'BS',
  ticket: 'BT',
};
const LABEL_KINDS: readonly LabelKind[] = ['item', 'cage'];
const ALL_KINDS: readonly CodeKind[] = ['item', 'cage', 'session', 'ticket'];
/** `parseCode(input, CAFE_KINDS)` reads a café's session or ticket code. */
export const CAFE_KINDS: readonly ('session' | 'ticket')[] = ['session', 'ticket'];

export type ParseError = 'empty' | 'prefix' | 'double-prefix' | 'length' | 'symbol' | 'check';

export type ParsedCode<K extends CodeKind = LabelKind> =
  { ok: true; code: string; kind: K } | { ok: false; error: ParseError };

const BASE = CODE_ALPHABET.length;
const PAYLOAD_LENGTH = 8;
const PREFIX_LENGTH = 2;
const CODE_LENGTH = PREFIX_LENGTH + PAYLOAD_LENGTH + 1;

// Characters people (and OCR) confuse with a symbol of the alphabet.
const LOOKALIKES: Record<string, string> = { I: '1', L: '1', O: '0' };

/** Luhn mod 32 check symbol over the 8 payload symbols; throws on a symbol outside the alphabet. */
export function checkSymbol(payload: string): string {
  let sum = 0;
  let double = true; // the rightmost payload symbol is doubled, so the check symbol itself is not
  for (let i = payload.length - 1; i >= 0; i--) {
    const value = CODE_ALPHABET.indexOf(payload.charAt(i));
    if (value < 0) throw new Error(`checkSymbol: "${payload.charAt(i)}" is not a code symbol`);
    let addend = double ? value * 2 : value;
    if (addend >= BASE) addend = Math.floor(addend / BASE) + (addend % BASE);
    sum += addend;
    double = !double;
  }
  return CODE_ALPHABET.charAt((BASE - (sum % BASE)) % BASE);
}

/** Makes a new canonical code (e.g. BW7K3Q9XTAE) from injected random bytes. */
export function generateCode(kind: CodeKind, randomBytes: (n: number) => Uint8Array): string {
  const bytes = randomBytes(PAYLOAD_LENGTH);
  if (bytes.length < PAYLOAD_LENGTH)
    throw new Error('generateCode: randomBytes returned too few bytes');
  let payload = '';
  // 32 divides 256, so the low five bits of a uniform byte are uniform: no modulo bias.
  for (let i = 0; i < PAYLOAD_LENGTH; i++) payload += CODE_ALPHABET.charAt((bytes[i] ?? 0) & 31);
  return CODE_PREFIX[kind] + payload + checkSymbol(payload);
}

// `<anything>/i/<code>[/][?query][#fragment]`: the URL printed in the QR code.
const URL_PATTERN = /\/i\/([^/?#]*)\/?(?:[?#].*)?$/i;
// Whitespace and the hyphen family (people copy "BW–7K3Q" from documents with en dashes).
const IGNORED = /[\s\-\u2010-\u2015\u2212]/g;

function kindOfPrefix<K extends CodeKind>(prefix: string, kinds: readonly K[]): K | undefined {
  return kinds.find((kind) => CODE_PREFIX[kind] === prefix);
}

/** Reads a typed, scanned or URL code forgivingly into canonical form; never throws. Only the
 * given kinds are codes (by default an item's or a cage's: what a park or shop scans). */
export function parseCode<K extends CodeKind = LabelKind>(
  input: string,
  kinds: readonly K[] = LABEL_KINDS as readonly K[],
): ParsedCode<K> {
  const trimmed = typeof input === 'string' ? input.trim() : '';
  const fromUrl = URL_PATTERN.exec(trimmed);
  const raw = fromUrl ? (fromUrl[1] ?? '') : trimmed;
  let text = '';
  for (const ch of raw.replace(IGNORED, '').toUpperCase()) text += LOOKALIKES[ch] ?? ch;

  if (text.length === 0) return { ok: false, error: 'empty' };
  const prefix = text.slice(0, PREFIX_LENGTH);
  const kind = kindOfPrefix(prefix, kinds);
  if (kind === undefined) {
    // "B" or "BW" alone is the start of a valid code, just too short.
    const isStart =
      text.length < PREFIX_LENGTH && kinds.some((k) => CODE_PREFIX[k].startsWith(text));
    return { ok: false, error: isStart ? 'length' : 'prefix' };
  }
  const body = text.slice(PREFIX_LENGTH);
  // "BK-BW7K3Q…": a prefix typed in front of a whole code; whichever was meant, it is not a code.
  if (
    text.length === CODE_LENGTH + PREFIX_LENGTH &&
    kindOfPrefix(body.slice(0, PREFIX_LENGTH), ALL_KINDS)
  )
    return { ok: false, error: 'double-prefix' };
  for (const ch of body) if (!CODE_ALPHABET.includes(ch)) return { ok: false, error: 'symbol' };
  if (text.length !== CODE_LENGTH) return { ok: false, error: 'length' };
  const payload = body.slice(0, PAYLOAD_LENGTH);
  if (checkSymbol(payload) !== body.slice(PAYLOAD_LENGTH)) return { ok: false, error: 'check' };
  return { ok: true, code: text, kind };
}

/** The same symbols under the other prefix (BW… ↔ BK…). The check symbol covers the 8 symbols
 * only, so an item label typed with the cage prefix (or the reverse) still checks out: this is
 * the code to look for to tell it apart. */
export function twinCode(code: string): string {
  const kind = kindOfPrefix(code.slice(0, PREFIX_LENGTH), LABEL_KINDS);
  if (kind === undefined) return code;
  return CODE_PREFIX[kind === 'item' ? 'cage' : 'item'] + code.slice(PREFIX_LENGTH);
}

/** Printed form of a canonical code: BW-7K3Q-9XTA-E; anything else is returned unchanged. */
export function formatCode(code: string): string {
  if (code.length !== CODE_LENGTH) return code;
  return [code.slice(0, 2), code.slice(2, 6), code.slice(6, 10), code.slice(10)].join('-');
}

/** The URL a label's QR code holds, so any phone camera opens the item. */
export function codeUrl(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/i/${code}`;
}

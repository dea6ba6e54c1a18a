// Hardware barcode scanners act as keyboards: they type the code fast and press Enter. This
// catches such a burst anywhere on the screen (outside text fields, which handle it themselves).
import { useEffect, useRef } from 'react';
import { parseCode } from '../../domain';

/** Longest pause between two keystrokes of one scan; people type slower than this. */
const MAX_GAP_MS = 60;
const MIN_LENGTH = 8;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

// Many scanners type as a US keyboard whatever the tablet's layout; on a Belgian AZERTY tablet
// "BW…" then arrives as "BZ…" and digits as symbols. The physical keys (event.code) still tell
// what the scanner meant, so both readings are kept and the one that is a valid code wins.
const US_SHIFTED_DIGITS = ')!@#$%^&*(';
const US_PUNCTUATION: Record<string, [string, string]> = {
  Slash: ['/', '?'],
  Period: ['.', '>'],
  Comma: [',', '<'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  Semicolon: [';', ':'],
  Space: [' ', ' '],
};

/** The character a US keyboard gives for a physical key (empty when unknown). */
export function usCharacter(code: string, shift: boolean): string {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter) return shift ? letter : letter.toLowerCase();
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(code)?.[1];
  if (digit)
    return shift && code.startsWith('Digit') ? (US_SHIFTED_DIGITS[Number(digit)] ?? '') : digit;
  const punctuation = US_PUNCTUATION[code];
  return punctuation ? punctuation[shift ? 1 : 0] : '';
}

/** The reading of a burst to act on: as typed, unless only the US-layout reading is a code. */
export function pickReading(typed: string, us: string): string {
  return !parseCode(typed).ok && parseCode(us).ok ? us : typed;
}

/** Calls `onScan` with the text of each fast keystroke burst that ends in Enter. */
export function useKeyboardWedge(onScan: (text: string) => void, enabled = true): void {
  const buffer = useRef({ text: '', us: '', last: 0 });
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (isEditable(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const now = event.timeStamp;
      const state = buffer.current;
      if (now - state.last > MAX_GAP_MS) {
        state.text = '';
        state.us = '';
      }
      state.last = now;
      if (event.key === 'Enter') {
        if (state.text.length >= MIN_LENGTH) {
          event.preventDefault();
          handler.current(pickReading(state.text, state.us));
        }
        state.text = '';
        state.us = '';
      } else if (event.key.length === 1) {
        state.text += event.key;
        state.us += usCharacter(event.code, event.shiftKey);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [enabled]);
}

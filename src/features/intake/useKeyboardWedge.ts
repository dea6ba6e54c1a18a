// Hardware barcode scanners act as keyboards: they type the code fast and press Enter. This
// catches such a burst anywhere on the screen (outside text fields, which handle it themselves).
import { useEffect, useRef } from 'react';

/** Longest pause between two keystrokes of one scan; people type slower than this. */
const MAX_GAP_MS = 60;
const MIN_LENGTH = 8;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Calls `onScan` with the text of each fast keystroke burst that ends in Enter. */
export function useKeyboardWedge(onScan: (text: string) => void, enabled = true): void {
  const buffer = useRef({ text: '', last: 0 });
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
      if (now - state.last > MAX_GAP_MS) state.text = '';
      state.last = now;
      if (event.key === 'Enter') {
        if (state.text.length >= MIN_LENGTH) {
          event.preventDefault();
          handler.current(state.text);
        }
        state.text = '';
      } else if (event.key.length === 1) {
        state.text += event.key;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [enabled]);
}

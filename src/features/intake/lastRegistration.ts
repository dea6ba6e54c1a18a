// What this device registered last in this session (memory only: a reload or another tablet's
// synced item never offers an undo), and the undo of it, which runs once however often it is tapped.
import { create } from '../../state/store';
import { recordEvents, type Author } from '../../storage';
import { voidItem, type RegisteredData } from './itemActions';

interface LastState {
  /** The code this device saved last, and who saved it; null once undone. */
  last: { code: string; actor: string } | null;
  /** The code undone last, shown where the undo button was until the next registration. */
  undone: string | null;
  busy: boolean;
}

export const useLastRegistration = create<LastState>(() => ({
  last: null,
  undone: null,
  busy: false,
}));

/** A registration this device just saved. */
export function rememberRegistration(code: string, actor: string): void {
  useLastRegistration.setState({ last: { code, actor }, undone: null });
}

/** The code the person may undo now: the last one they registered on this device this session. */
export function undoableCode(state: LastState, actor: string): string | null {
  return state.last !== null && state.last.actor === actor && !state.busy ? state.last.code : null;
}

/** Voids the last registration if it is still `code`; a second tap while the first runs, or after
 * it, finds nothing to undo and does nothing. Returns whether it voided. */
export async function undoRegistration(author: Author, code: string): Promise<boolean> {
  const state = useLastRegistration.getState();
  if (undoableCode(state, author.actor) !== code) return false;
  // Taken before the write starts: the lock is the state itself, not a re-render.
  useLastRegistration.setState({ busy: true, last: null, undone: code });
  try {
    await voidItem(author, code);
    return true;
  } catch (error) {
    useLastRegistration.setState({ last: state.last, undone: null });
    throw error;
  } finally {
    useLastRegistration.setState({ busy: false });
  }
}

/** Brings an undone registration back whole (a registration states every field); it becomes
 * the one to undo again. */
export async function restoreRegistration(
  author: Author,
  code: string,
  data: RegisteredData,
): Promise<void> {
  await recordEvents(author, [{ type: 'item.registered', subject: code, data }]);
  rememberRegistration(code, author.actor);
}

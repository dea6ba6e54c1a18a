// One short message at a time, optionally with an action (undo). It sits in the page's flow
// right under the header, never over the form: at the top it takes its own room, and only when
// the person has scrolled down does it stick to the top edge (to stay seen). It lasts until the
// next screen, a newer message or its close button — a timer taking it away would move the form
// up under a finger about to tap.
import { useT } from '../i18n/i18n';
import { create } from '../state/store';

export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

interface Toast {
  id: number;
  message: string;
  tone: 'ok' | 'error';
  action?: ToastAction;
  /** When it was shown: a message shown just before a screen change is for the next screen. */
  at: number;
  /** It was kept across the screen change that followed it; the next one takes it away. */
  carried: boolean;
}

interface ToastState {
  toast: Toast | null;
  show: (message: string, options?: { tone?: 'ok' | 'error'; action?: ToastAction }) => void;
  dismiss: () => void;
  /** The screen changed: a message from before goes, one shown for this change stays. */
  screenChanged: () => void;
}

let nextId = 1;
// Commands show their message and then change screen in the same tap: that one change keeps it.
const CARRIED_OVER_MS = 1_000;

export const useToast = create<ToastState>((set) => ({
  toast: null,
  show: (message, options) => {
    const toast: Toast = {
      id: nextId++,
      message,
      tone: options?.tone ?? 'ok',
      at: Date.now(),
      carried: false,
    };
    if (options?.action) toast.action = options.action;
    set({ toast });
  },
  dismiss: () => {
    set({ toast: null });
  },
  screenChanged: () => {
    set(({ toast }) => {
      if (!toast) return {};
      const forThisScreen = !toast.carried && Date.now() - toast.at <= CARRIED_OVER_MS;
      return { toast: forThisScreen ? { ...toast, carried: true } : null };
    });
  },
}));

/** Renders the current toast in a live region so screen readers announce it. */
export function ToastHost() {
  const { t } = useT();
  const toast = useToast((s) => s.toast);
  const dismiss = useToast((s) => s.dismiss);
  return (
    <div className="toast-host" role="status" aria-live="polite">
      {toast && (
        <div className={`toast toast-${toast.tone}`} key={toast.id}>
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="btn btn-light"
              onClick={() => {
                const action = toast.action;
                dismiss();
                void action?.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            className="btn btn-light toast-close"
            aria-label={t('toast.close')}
            onClick={dismiss}
          >
            ✕
          </button>
        </div>
      )}
    </div>
  );
}

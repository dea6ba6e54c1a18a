// One short message at a time at the bottom of the screen, optionally with an action (undo).
import { useEffect } from 'react';
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
}

interface ToastState {
  toast: Toast | null;
  show: (message: string, options?: { tone?: 'ok' | 'error'; action?: ToastAction }) => void;
  dismiss: () => void;
}

let nextId = 1;

export const useToast = create<ToastState>((set) => ({
  toast: null,
  show: (message, options) => {
    const toast: Toast = { id: nextId++, message, tone: options?.tone ?? 'ok' };
    if (options?.action) toast.action = options.action;
    set({ toast });
  },
  dismiss: () => {
    set({ toast: null });
  },
}));

const VISIBLE_MS = 10_000;

/** Renders the current toast in a live region so screen readers announce it. */
export function ToastHost() {
  const toast = useToast((s) => s.toast);
  const dismiss = useToast((s) => s.dismiss);
  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(dismiss, VISIBLE_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [toast, dismiss]);
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
        </div>
      )}
    </div>
  );
}

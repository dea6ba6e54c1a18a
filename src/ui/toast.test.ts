// How long a message stays: across the screen change its own command made, not the next one, and
// not across a change long after it was shown; no timer takes it away.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToast } from './toast';

const message = () => useToast.getState().toast?.message ?? null;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] });
  vi.setSystemTime(Date.UTC(2026, 11, 3, 9, 0));
  useToast.getState().dismiss();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('toast', () => {
  it('is kept for the screen its command opened, and goes with the screen after it', () => {
    useToast.getState().show('Nakijken: bewaard.');
    useToast.getState().screenChanged();
    expect(message()).toBe('Nakijken: bewaard.');
    vi.advanceTimersByTime(300);
    useToast.getState().screenChanged();
    expect(message()).toBeNull();
  });

  it('stays on its screen without a timer, and goes when the person moves on', () => {
    useToast.getState().show('✓ BW-… gescand');
    vi.advanceTimersByTime(60_000);
    expect(message()).toBe('✓ BW-… gescand');
    useToast.getState().screenChanged();
    expect(message()).toBeNull();
  });

  it('is replaced by a newer message, which gets its own screen change', () => {
    useToast.getState().show('Eerste');
    useToast.getState().screenChanged();
    useToast.getState().show('Tweede');
    useToast.getState().screenChanged();
    expect(message()).toBe('Tweede');
  });
});

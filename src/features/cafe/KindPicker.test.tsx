// @vitest-environment jsdom
// The door's kind field as a host uses it: the usual kinds and the unpowered ones as tiles, a word
// finds an unpowered kind, Enter takes the best match of a search and nothing without one.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KindPicker, type CafeKind } from './KindPicker';

afterEach(cleanup);

const picker = (value: CafeKind | null = null) => {
  const onChange = vi.fn<(kind: CafeKind) => void>();
  render(<KindPicker value={value} onChange={onChange} invalid={false} />);
  return { onChange, search: screen.getByRole('searchbox') };
};

describe('KindPicker', () => {
  it('shows the usual powered kinds and the five unpowered ones, and all 45 a tap further', async () => {
    picker();
    expect(screen.getAllByRole('radio')).toHaveLength(8 + 5);
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'Fiets' }).checked).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: /Alle soorten \(45\)/ }));
    expect(screen.getAllByRole('radio')).toHaveLength(45);
  });

  it('finds an unpowered kind by an everyday word and picks the best match on Enter', async () => {
    const { onChange, search } = picker();
    await userEvent.type(search, 'broek{Enter}');
    expect(onChange).toHaveBeenCalledWith({ category: 0, unpoweredKind: 'textile' });
    await userEvent.clear(search);
    await userEvent.type(search, 'waterkoker{Enter}');
    expect(onChange).toHaveBeenLastCalledWith({ category: 14 });
  });

  it('does not pick a kind on Enter in an empty search', async () => {
    const { onChange, search } = picker();
    await userEvent.type(search, '{Enter}');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('keeps a chosen rare kind in view, checked', () => {
    picker({ category: 40 });
    const checked = screen.getAllByRole<HTMLInputElement>('radio').filter((r) => r.checked);
    expect(checked).toHaveLength(1);
    expect(screen.getAllByRole('radio')).toHaveLength(8 + 5 + 1);
  });
});

// @vitest-environment jsdom
// The item form as a person uses it: errors beside the fields and nothing submitted until the
// input is valid; the weight follows the category until the person types one.
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBewaarDb, useDatabase } from '../../storage';
import { ItemForm } from './ItemForm';

beforeEach(() => {
  useDatabase(openBewaarDb(`form-${Math.random()}`));
});
afterEach(cleanup);

describe('ItemForm', () => {
  it('refuses to submit without a category and says why', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<ItemForm submitLabel="Bewaren" onSubmit={onSubmit} onCancel={() => undefined} />);
    await userEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    // No category, so no weight was prefilled either: both fields say what is missing.
    const alerts = await screen.findAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      'Kies een soort toestel.',
      'Typ een gewicht groter dan 0 kg, bv. 2,5.',
    ]);
    expect(onSubmit).not.toHaveBeenCalled();
    // Focus goes to the field in error, so keyboard and screen-reader users land on it.
    expect(document.activeElement).toBe(screen.getByLabelText('Zoek een soort toestel'));
  });

  it('prefills the weight from the category and submits the registration', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<ItemForm submitLabel="Bewaren" onSubmit={onSubmit} onCancel={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Zoek een soort toestel'), 'waterkoker');
    await userEvent.click(screen.getByRole('radio', { name: /Waterkoker/ }));
    expect(screen.getByLabelText<HTMLInputElement>('Gewicht').value).toBe('1,245');
    await userEvent.type(screen.getByLabelText('Merk'), ' Bosch ');
    await userEvent.click(screen.getByRole('radio', { name: 'Klein defect' }));
    await userEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    expect(onSubmit).toHaveBeenCalledWith({
      category: 14,
      brand: 'Bosch',
      condition: 'minor-defect',
      complete: true,
      weightKg: 1.245,
      weighed: false,
      photos: [],
    });
  });

  it('refuses a weight of zero or text and keeps the typed value', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<ItemForm submitLabel="Bewaren" onSubmit={onSubmit} onCancel={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Zoek een soort toestel'), 'gsm{Enter}');
    const weight = screen.getByLabelText<HTMLInputElement>('Gewicht');
    await userEvent.clear(weight);
    await userEvent.type(weight, '0');
    await userEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Typ een gewicht groter dan 0 kg, bv. 2,5.',
    );
    expect(weight.getAttribute('aria-invalid')).toBe('true');
    expect(weight.value).toBe('0');
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

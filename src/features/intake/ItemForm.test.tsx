// @vitest-environment jsdom
// The item form as a person uses it: errors beside the fields and nothing submitted until the
// input is valid; the weight follows the category until the person types one.
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openBewaarDb, useDatabase } from '../../storage';
import { ItemForm } from './ItemForm';

// jsdom lays nothing out and has no scrollIntoView; the form brings the weight into view.
Element.prototype.scrollIntoView = function scrollIntoView() {};

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

  const vacuumOf = async (kg: string) => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<ItemForm submitLabel="Bewaren" onSubmit={onSubmit} onCancel={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Zoek een soort toestel'), 'stofzuiger{Enter}');
    const weight = screen.getByLabelText<HTMLInputElement>('Gewicht');
    await userEvent.clear(weight);
    await userEvent.type(weight, kg);
    await userEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    return { onSubmit, weight };
  };

  it('asks before saving a weight implausible for the kind, and saves once confirmed', async () => {
    const { onSubmit } = await vacuumOf('250');
    const question = await screen.findByRole('alertdialog');
    expect(question.textContent).toContain('Klopt 250 kg voor een stofzuiger?');
    expect(question.textContent).toContain('Meer dan 34 kg is ongewoon');
    expect(onSubmit).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Ja, 250 kg klopt' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ category: 34, weightKg: 250 }));
  });

  it('lets the weight be fixed instead, and a plausible one saves without a question', async () => {
    const { onSubmit, weight } = await vacuumOf('250');
    await userEvent.click(await screen.findByRole('button', { name: 'Gewicht aanpassen' }));
    expect(document.activeElement).toBe(weight);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await userEvent.clear(weight);
    await userEvent.type(weight, '25');
    await userEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ weightKg: 25 }));
  });

  it('refuses a weight above the hard maximum and names it', async () => {
    const onSubmit = vi.fn(() => Promise.resolve());
    render(<ItemForm submitLabel="Bewaren" onSubmit={onSubmit} onCancel={() => undefined} />);
    await userEvent.type(screen.getByLabelText('Zoek een soort toestel'), 'overige{Enter}');
    const weight = screen.getByLabelText<HTMLInputElement>('Gewicht');
    await userEvent.clear(weight);
    await userEvent.type(weight, '99999');
    await userEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Een toestel weegt hier hoogstens 1.000 kg. Kijk het gewicht na.',
    );
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('counts the note from 800 characters on', async () => {
    render(
      <ItemForm
        submitLabel="Bewaren"
        onSubmit={() => Promise.resolve()}
        onCancel={() => undefined}
      />,
    );
    const note = screen.getByLabelText<HTMLTextAreaElement>('Opmerking (niet verplicht)');
    await userEvent.click(note);
    await userEvent.paste('x'.repeat(799));
    expect(screen.queryByText(/\/ 1\.000 tekens/)).toBeNull();
    await userEvent.paste('x'.repeat(13));
    expect(screen.getByText('812 / 1.000 tekens')).toBeTruthy();
    // Pasting past the limit is cut at 1000, and the counter says it is full.
    await userEvent.paste('x'.repeat(500));
    expect(note.value).toHaveLength(1000);
    expect(screen.getByText('1.000 / 1.000 tekens').className).toContain('char-count-full');
  });
});

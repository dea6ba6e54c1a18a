// @vitest-environment jsdom
// The label print view offers the region's recycling parks for the name on the label: never a
// kringwinkel (it receives labelled items) nor a repair café (it gives tickets, not labels).
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Session } from '../setup/session';
import { sessionOf, withSession } from './adminTestServer';
import { LabelSheet } from './LabelSheet';

const COORDINATOR = { id: 'p-coord', name: 'Koen Coördinator', role: 'coordinator' };

function sessionWith(
  sites: Record<string, string>,
  kinds: Record<string, string> | undefined,
): Session {
  const session = sessionOf(COORDINATOR);
  return {
    ...session,
    profile: {
      ...session.profile,
      directory: { people: {}, sites, ...(kinds ? { kinds } : {}) },
    },
  };
}

const SITES = {
  'park-noord': 'Recyclagepark Noord',
  'cafe-centrum': 'Repair Café Centrum',
  'shop-centrum': 'Kringwinkel Centrum',
  'park-zuid': 'Recyclagepark Zuid',
};

afterEach(cleanup);

describe('LabelSheet', () => {
  it('offers only the parks for the name on the label, and prints the first one', async () => {
    render(
      withSession(
        sessionWith(SITES, {
          'park-noord': 'park',
          'cafe-centrum': 'cafe',
          'shop-centrum': 'shop',
          'park-zuid': 'park',
        }),
        <LabelSheet batch="code:BW7K3Q9XTAE" />,
      ),
    );
    const choice = screen.getByLabelText('Naam op het label');
    const options = within(choice).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Recyclagepark Noord',
      'Recyclagepark Zuid',
    ]);
    const label = await screen.findByText('BW-7K3Q-9XTA-E');
    expect(label.closest('.label')?.textContent).toContain('Recyclagepark Noord');
  });

  it('takes sites whose kind the server did not send for parks, as before', () => {
    render(
      withSession(
        sessionWith({ 'park-noord': 'Recyclagepark Noord' }, undefined),
        <LabelSheet batch="code:BW7K3Q9XTAE" />,
      ),
    );
    const options = within(screen.getByLabelText('Naam op het label')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['Recyclagepark Noord']);
  });
});

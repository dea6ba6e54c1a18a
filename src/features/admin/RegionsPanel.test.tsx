// @vitest-environment jsdom
// Regio's as an admin uses it: the regions with their parks, shops and people, the current one
// first; a new region with its errors and where to go next; rename with cancel; access given by
// username and taken away only after a question. Coordinators do not see the tab.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminRegion } from '../../sync/adminApi';
import { AdminScreen } from './AdminScreen';
import { fakeAdminServer, sessionOf, withSession } from './adminTestServer';
import { RegionsPanel } from './RegionsPanel';

const ADMIN = { id: 'p-admin', name: 'Ann Admin', role: 'admin' };
const COORDINATOR = {
  id: 'p-coord',
  name: 'Koen Coördinator',
  role: 'coordinator' as const,
  username: 'koen',
};

function regions(): AdminRegion[] {
  return [
    {
      id: 'oost',
      name: 'Regio Oost',
      sites: [],
      people: [{ id: ADMIN.id, name: ADMIN.name, role: 'admin', username: 'ann' }],
    },
    {
      id: 'demo',
      name: 'Regio Brugge (demo)',
      sites: [
        { id: 's1', name: 'Recyclagepark Noord', kind: 'park' },
        { id: 's2', name: 'Kringwinkel Centrum', kind: 'shop' },
      ],
      people: [{ id: ADMIN.id, name: ADMIN.name, role: 'admin', username: 'ann' }, COORDINATOR],
    },
  ];
}

let server: ReturnType<typeof fakeAdminServer>;
// No pause between keystrokes: the machine that runs these is often busy.
const user = userEvent.setup({ delay: null });

beforeEach(() => {
  server = fakeAdminServer({
    regions: regions(),
    logins: [COORDINATOR, { id: 'p-eva', name: 'Eva', role: 'coordinator', username: 'eva' }],
    otherRegions: ['Regio West'],
  });
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const region = (name: string) => screen.getByRole('region', { name: new RegExp(name) });

describe('RegionsPanel', { timeout: 20_000 }, () => {
  it('lists the regions, the current one first and marked, with parks, shops and people', async () => {
    render(withSession(sessionOf(ADMIN), <RegionsPanel />));
    const demo = await screen.findByRole('region', { name: /Regio Brugge \(demo\)/ });
    expect(screen.getByTestId('current-region').textContent).toBe(
      'Je werkt nu in Regio Brugge (demo).',
    );
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.slice(0, 2)).toEqual(['Regio Brugge (demo) huidige regio', 'Regio Oost']);
    expect(within(demo).getByText('Recyclagepark Noord')).toBeTruthy();
    expect(within(demo).getByText('· Kringwinkel')).toBeTruthy();
    expect(within(demo).getByText('Koen Coördinator')).toBeTruthy();
    // An admin cannot take away their own access; another person's can be.
    expect(within(demo).getAllByRole('button', { name: /Toegang afnemen/ })).toHaveLength(1);
    expect(within(region('Regio Oost')).getByText('Nog geen parken of winkels.')).toBeTruthy();
  });

  it('creates a region, with a clear error for an empty or taken name, and says what is next', async () => {
    render(withSession(sessionOf(ADMIN), <RegionsPanel />));
    await screen.findByRole('region', { name: /Regio Oost/ });
    const create = screen.getByRole('button', { name: 'Regio aanmaken' });
    await user.click(create);
    expect(screen.getByRole('alert').textContent).toBe('Typ een naam voor de regio.');

    const name = screen.getByLabelText('Naam van de regio');
    await user.type(name, 'regio oost');
    await user.click(create);
    expect(screen.getByRole('alert').textContent).toBe(
      'Er is al een regio met die naam. Kies een andere naam.',
    );
    // A region this admin does not manage: only the server knows, and says 409.
    await user.clear(name);
    await user.type(name, 'Regio West');
    await user.click(create);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Er is al een regio met die naam. Kies een andere naam.',
    );
    expect(name.getAttribute('aria-invalid')).toBe('true');

    await user.clear(name);
    await user.type(name, '  Regio Zee ');
    await user.click(create);
    const done = await screen.findByText('Regio Zee is aangemaakt.');
    expect(done.parentElement?.textContent).toContain(
      'Wissel naar deze regio bij Instellingen → Regio',
    );
    expect(server.calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([
      { name: 'Regio West' },
      { name: 'Regio Zee' },
    ]);
    expect(await screen.findByRole('region', { name: 'Regio Zee' })).toBeTruthy();
  });

  it('renames a region, and cancel leaves it as it was', async () => {
    render(withSession(sessionOf(ADMIN), <RegionsPanel />));
    const oost = await screen.findByRole('region', { name: /Regio Oost/ });
    await user.click(within(oost).getByRole('button', { name: 'Naam wijzigen' }));
    const field = within(oost).getByLabelText('Nieuwe naam voor Regio Oost');
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, 'Regio Oostkust');
    await user.click(within(oost).getByRole('button', { name: 'Annuleren' }));
    expect(within(oost).queryByLabelText('Nieuwe naam voor Regio Oost')).toBeNull();
    expect(server.calls.some((c) => c.method === 'PATCH')).toBe(false);

    await user.click(within(oost).getByRole('button', { name: 'Naam wijzigen' }));
    const again = within(oost).getByLabelText<HTMLInputElement>('Nieuwe naam voor Regio Oost');
    expect(again.value).toBe('Regio Oost');
    await user.clear(again);
    await user.type(again, 'Regio Brugge (DEMO)');
    await user.click(within(oost).getByRole('button', { name: 'Naam opslaan' }));
    expect(within(oost).getByRole('alert').textContent).toContain('Er is al een regio');
    await user.clear(again);
    await user.type(again, 'Regio Oostkust{Enter}');
    expect(await within(oost).findByText('De regio heet nu Regio Oostkust.')).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Regio Oostkust' })).toBeTruthy();
    expect(server.calls.find((c) => c.method === 'PATCH')).toEqual({
      method: 'PATCH',
      path: '/admin/regions/oost',
      body: { name: 'Regio Oostkust' },
    });
  });

  it('gives access by username and says when nobody has it', async () => {
    render(withSession(sessionOf(ADMIN), <RegionsPanel />));
    const oost = await screen.findByRole('region', { name: /Regio Oost/ });
    const give = within(oost).getByRole('button', { name: 'Toegang geven' });
    await user.click(give);
    expect(within(oost).getByRole('alert').textContent).toBe('Typ een gebruikersnaam.');
    await user.type(within(oost).getByLabelText('Gebruikersnaam'), 'nobody');
    await user.click(give);
    expect((await within(oost).findByRole('alert')).textContent).toContain(
      'Er is geen coördinator of beheerder met die gebruikersnaam',
    );
    await user.clear(within(oost).getByLabelText('Gebruikersnaam'));
    await user.type(within(oost).getByLabelText('Gebruikersnaam'), 'eva');
    await user.click(give);
    expect(await within(oost).findByText('Eva kan zich nu aanmelden in Regio Oost.')).toBeTruthy();
    expect(await within(oost).findByText('Eva')).toBeTruthy();
  });

  it('takes access away only after the question, and cancel keeps it', async () => {
    render(withSession(sessionOf(ADMIN), <RegionsPanel />));
    const demo = await screen.findByRole('region', { name: /Regio Brugge/ });
    const ask = within(demo).getByRole('button', { name: 'Toegang afnemen: Koen Coördinator' });
    await user.click(ask);
    const question = within(demo).getByRole('alertdialog');
    expect(question.textContent).toContain(
      'Koen Coördinator kan zich dan niet meer aanmelden in Regio Brugge (demo).',
    );
    // The safe answer has the focus.
    expect(document.activeElement).toBe(
      within(question).getByRole('button', { name: 'Annuleren' }),
    );
    await user.keyboard('{Enter}');
    expect(within(demo).queryByRole('alertdialog')).toBeNull();
    expect(server.calls.some((c) => c.method === 'DELETE')).toBe(false);
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Toegang afnemen: Koen Coördinator',
    );

    await user.click(
      within(demo).getByRole('button', { name: 'Toegang afnemen: Koen Coördinator' }),
    );
    await user.click(within(demo).getByRole('button', { name: 'Ja, toegang afnemen' }));
    expect(
      await within(demo).findByText(
        'Koen Coördinator kan zich niet meer aanmelden in Regio Brugge (demo).',
      ),
    ).toBeTruthy();
    expect(server.calls.find((c) => c.method === 'DELETE')?.path).toBe(
      '/admin/regions/demo/people/p-coord',
    );
    // The list is read again after the change: the row goes once that answer is in.
    await waitFor(() => {
      expect(within(demo).queryByText('Koen Coördinator')).toBeNull();
    });
  });
});

describe('AdminScreen', () => {
  it('shows Regio’s to an admin only', async () => {
    render(withSession(sessionOf(ADMIN), <AdminScreen section="sites" />));
    expect(screen.getByRole('button', { name: "Regio's" })).toBeTruthy();
    await waitFor(() => {
      expect(screen.queryByText('Even laden…')).toBeNull();
    });
    cleanup();
    render(withSession(sessionOf(COORDINATOR), <AdminScreen section="regions" />));
    expect(screen.queryByRole('button', { name: "Regio's" })).toBeNull();
    expect(screen.getByText("Regio's beheren kan alleen een beheerder.")).toBeTruthy();
    expect(server.calls.some((c) => c.path === '/admin/regions')).toBe(false);
  });
});

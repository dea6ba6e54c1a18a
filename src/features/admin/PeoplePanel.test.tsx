// @vitest-environment jsdom
// "Nieuw wachtwoord instellen" in Mensen: only an admin sees it, only for someone who signs in
// with a password (not for themselves); the password is checked and its strength shown as it is
// typed; nothing is sent before the admin confirms; the answer is said in words.
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdminPerson, AdminSite } from '../../sync/adminApi';
import { fakeAdminServer, sessionOf, withSession } from './adminTestServer';
import { PeoplePanel } from './PeoplePanel';

const person = (
  id: string,
  name: string,
  role: AdminPerson['role'],
  username: string | null,
): AdminPerson => ({ id, name, role, username, sites: [], active: true });

const ADMIN = person('p-admin', 'Ann Admin', 'admin', 'ann');
const KOEN = person('p-koen', 'Koen', 'coordinator', 'koen');
const AN = person('p-an', 'An Peeters', 'attendant', null);

let server: ReturnType<typeof fakeAdminServer>;
const user = userEvent.setup({ delay: null });

beforeEach(() => {
  server = fakeAdminServer({ regions: [], people: [ADMIN, KOEN, AN] });
  vi.stubGlobal('fetch', server.fetch);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const row = (name: string) => {
  const li = screen.getByText(name).closest('li');
  if (!li) throw new Error(`no row for ${name}`);
  return li;
};

describe('PeoplePanel: a new password', { timeout: 20_000 }, () => {
  it('is offered by an admin for coordinators and admins with a sign-in, not for themselves', async () => {
    render(withSession(sessionOf(ADMIN), <PeoplePanel />));
    await screen.findByText('Koen');
    expect(
      screen
        .getAllByRole('button', { name: /Nieuw wachtwoord instellen/ })
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Nieuw wachtwoord instellen: Koen']);
    expect(within(row('An Peeters')).queryByRole('button', { name: /wachtwoord/ })).toBeNull();
  });

  it('is not offered to a coordinator', async () => {
    render(withSession(sessionOf(KOEN), <PeoplePanel />));
    await screen.findByText('Ann Admin');
    expect(screen.queryByRole('button', { name: /wachtwoord/ })).toBeNull();
  });

  it('checks the length, asks before it sends, and says what happened', async () => {
    render(withSession(sessionOf(ADMIN), <PeoplePanel />));
    await screen.findByText('Koen');
    await user.click(screen.getByRole('button', { name: 'Nieuw wachtwoord instellen: Koen' }));
    const form = within(row('Koen'));
    expect(form.getByRole('heading', { name: 'Nieuw wachtwoord voor Koen' })).toBeTruthy();
    const field = form.getByLabelText('Nieuw wachtwoord');
    expect(document.activeElement).toBe(field);
    expect(field.getAttribute('type')).toBe('password');
    expect(form.getByText('Nog 10 tekens nodig.')).toBeTruthy();

    await user.type(field, 'fiets');
    expect(form.getByText('Nog 5 tekens nodig.')).toBeTruthy();
    await user.click(form.getByRole('button', { name: 'Verder' }));
    expect(form.getByRole('alert').textContent).toBe(
      'Het wachtwoord moet minstens 10 tekens hebben.',
    );
    await user.type(field, ' in de regen');
    expect(form.getByText('Goed wachtwoord.')).toBeTruthy();
    await user.click(form.getByLabelText('Wachtwoord tonen'));
    expect(field.getAttribute('type')).toBe('text');

    await user.click(form.getByRole('button', { name: 'Verder' }));
    const question = form.getByRole('alertdialog');
    expect(question.textContent).toContain('Wie nu als Koen aangemeld is, wordt afgemeld.');
    expect(server.calls.some((c) => c.path.endsWith('/password'))).toBe(false);
    // Back keeps what was typed.
    await user.click(within(question).getByRole('button', { name: 'Terug' }));
    expect(form.getByLabelText<HTMLInputElement>('Nieuw wachtwoord').value).toBe(
      'fiets in de regen',
    );
    await user.click(form.getByRole('button', { name: 'Verder' }));
    await user.click(form.getByRole('button', { name: 'Ja, wachtwoord instellen' }));

    expect((await form.findByRole('status')).textContent).toBe(
      'Koen kan zich nu aanmelden met het nieuwe wachtwoord; wie aangemeld was, is afgemeld.',
    );
    expect(server.calls.filter((c) => c.path.endsWith('/password'))).toEqual([
      {
        method: 'POST',
        path: '/admin/people/p-koen/password',
        body: { password: 'fiets in de regen' },
      },
    ]);
    expect(form.queryByLabelText('Nieuw wachtwoord')).toBeNull();
  });

  it('closes with Annuleren and sends nothing', async () => {
    render(withSession(sessionOf(ADMIN), <PeoplePanel />));
    await screen.findByText('Koen');
    const open = screen.getByRole('button', { name: 'Nieuw wachtwoord instellen: Koen' });
    await user.click(open);
    await user.type(within(row('Koen')).getByLabelText('Nieuw wachtwoord'), 'iets geheims');
    await user.click(within(row('Koen')).getByRole('button', { name: 'Annuleren' }));
    expect(within(row('Koen')).queryByLabelText('Nieuw wachtwoord')).toBeNull();
    expect(server.calls.some((c) => c.path.endsWith('/password'))).toBe(false);
    expect(document.activeElement?.getAttribute('aria-label')).toBe(
      'Nieuw wachtwoord instellen: Koen',
    );
  });
});

describe('PeoplePanel: a new person', { timeout: 20_000 }, () => {
  const site = (id: string, name: string, kind: 'park' | 'shop' | 'cafe'): AdminSite => ({
    id,
    name,
    kind,
    address: null,
    intercommunale: null,
    people: [],
  });

  it('works at a park when an attendant, at a kringwinkel when a technician, unless picked', async () => {
    server = fakeAdminServer({
      regions: [],
      people: [ADMIN],
      // The shop first, as a region that started with its kringwinkel lists it.
      sites: [site('shop-1', 'Kringwinkel Centrum', 'shop'), site('park-1', 'Park Noord', 'park')],
    });
    vi.stubGlobal('fetch', server.fetch);
    render(withSession(sessionOf(ADMIN), <PeoplePanel />));
    const where = await screen.findByLabelText<HTMLSelectElement>('Werkt in');
    expect(where.value).toBe('park-1');

    await user.click(screen.getByRole('radio', { name: 'Technieker' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Werkt in').value).toBe('shop-1');
    await user.click(screen.getByRole('radio', { name: 'Parkwachter' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Werkt in').value).toBe('park-1');

    await user.type(screen.getByLabelText('Naam of werkcode'), 'Bart Claes');
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));
    await screen.findByText(/Bart Claes/, { selector: '[role="status"]' });
    expect(server.calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/admin/people',
        body: { name: 'Bart Claes', role: 'attendant', sites: ['park-1'] },
      },
    ]);

    // A site picked by hand stays, whatever the role.
    await user.selectOptions(screen.getByLabelText('Werkt in'), 'shop-1');
    await user.click(screen.getByRole('radio', { name: 'Parkwachter' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Werkt in').value).toBe('shop-1');
  });

  it('adds a café organiser with a sign-in, on the roster of a café', async () => {
    server = fakeAdminServer({
      regions: [],
      people: [ADMIN],
      sites: [site('park-1', 'Park Noord', 'park'), site('cafe-1', 'Repair Café Centrum', 'cafe')],
    });
    vi.stubGlobal('fetch', server.fetch);
    render(withSession(sessionOf(ADMIN), <PeoplePanel />));
    await screen.findByLabelText('Werkt in');
    await user.click(screen.getByRole('radio', { name: 'Hersteller (repair café)' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Werkt in').value).toBe('cafe-1');
    await user.click(screen.getByRole('radio', { name: 'Organisator (repair café)' }));
    expect(screen.getByLabelText<HTMLSelectElement>('Werkt in').value).toBe('cafe-1');
    await user.type(screen.getByLabelText('Naam of werkcode'), 'Mieke');
    await user.type(screen.getByLabelText('Gebruikersnaam'), 'mieke');
    await user.type(
      screen.getByLabelText('Wachtwoord (minstens 10 tekens)'),
      'lang-genoeg-wachtwoord',
    );
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));
    await screen.findByText(/Mieke/, { selector: '[role="status"]' });
    expect(server.calls.filter((c) => c.method === 'POST')).toEqual([
      {
        method: 'POST',
        path: '/admin/people',
        body: {
          name: 'Mieke',
          role: 'organiser',
          username: 'mieke',
          password: 'lang-genoeg-wachtwoord',
          sites: ['cafe-1'],
        },
      },
    ]);
  });

  it('refuses an organiser in a region without a café, in words, and sends nothing', async () => {
    server = fakeAdminServer({
      regions: [],
      people: [ADMIN],
      sites: [site('park-1', 'Park Noord', 'park')],
    });
    vi.stubGlobal('fetch', server.fetch);
    render(withSession(sessionOf(ADMIN), <PeoplePanel />));
    await screen.findByLabelText('Werkt in');
    await user.click(screen.getByRole('radio', { name: 'Organisator (repair café)' }));
    await user.type(screen.getByLabelText('Naam of werkcode'), 'Mieke');
    await user.type(screen.getByLabelText('Gebruikersnaam'), 'mieke');
    await user.type(
      screen.getByLabelText('Wachtwoord (minstens 10 tekens)'),
      'lang-genoeg-wachtwoord',
    );
    await user.click(screen.getByRole('button', { name: 'Toevoegen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Kies het repair café van deze organisator.',
    );
    expect(server.calls.filter((c) => c.method === 'POST')).toEqual([]);
  });
});

// A small stand-in for the admin API in component tests: regions and people in memory, answered
// in the server's shapes (server/routes/adminRegions.ts, adminPeople.ts), every request recorded.
import { createElement, type ReactNode } from 'react';
import type { AdminPerson, AdminRegion, AdminSite } from '../../sync/adminApi';
import { SessionContext, type Session } from '../setup/session';

export interface Call {
  method: string;
  path: string;
  body: unknown;
}

interface Login {
  id: string;
  name: string;
  role: AdminPerson['role'];
  username: string;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
const refuse = (status: number, code: string) => json(status, { error: { code, message: code } });

/** The fake server's state and its `fetch`. */
export function fakeAdminServer(options: {
  regions: AdminRegion[];
  people?: AdminPerson[];
  sites?: AdminSite[];
  /** Everyone with a sign-in anywhere, for giving access by username. */
  logins?: Login[];
  /** Names of regions this admin does not see (a new region may not take them either). */
  otherRegions?: string[];
}) {
  const regions = options.regions;
  const people = options.people ?? [];
  const logins = options.logins ?? [];
  const calls: Call[] = [];
  const taken = (name: string, self?: string) =>
    [...regions.filter((r) => r.id !== self).map((r) => r.name), ...(options.otherRegions ?? [])]
      .map((n) => n.toLocaleLowerCase('nl'))
      .includes(name.trim().toLocaleLowerCase('nl'));

  const answer = (method: string, path: string, body: unknown): Response => {
    const input = (body ?? {}) as { name?: string; username?: string; password?: string };
    if (method === 'GET' && path === '/admin/regions') return json(200, { regions });
    if (method === 'GET' && path === '/admin/people') return json(200, { people });
    if (method === 'GET' && path === '/admin/sites')
      return json(200, { sites: options.sites ?? [] });
    if (method === 'POST' && path === '/admin/people') {
      const asked = body as Omit<AdminPerson, 'id' | 'active' | 'username' | 'sites'> & {
        sites?: string[];
      };
      const person: AdminPerson = {
        id: `p${people.length + 1}`,
        name: asked.name,
        role: asked.role,
        username: null,
        sites: asked.sites ?? [],
        active: true,
      };
      people.push(person);
      return json(201, { person });
    }
    if (method === 'POST' && path === '/admin/regions') {
      const name = input.name?.trim() ?? '';
      if (taken(name)) return refuse(409, 'conflict');
      const region: AdminRegion = { id: `r${regions.length + 1}`, name, sites: [], people: [] };
      regions.push(region);
      return json(201, { region });
    }
    const one = /^\/admin\/regions\/([^/]+)(?:\/people(?:\/([^/]+))?)?$/.exec(path);
    const region = regions.find((r) => r.id === one?.[1]);
    if (one && !region) return refuse(404, 'not-found');
    if (region && method === 'PATCH') {
      if (taken(input.name ?? '', region.id)) return refuse(409, 'conflict');
      region.name = input.name?.trim() ?? region.name;
      return json(200, { region });
    }
    if (region && method === 'POST') {
      const login = logins.find((l) => l.username === input.username);
      if (!login) return refuse(404, 'not-found');
      if (!region.people.some((p) => p.id === login.id)) region.people.push(login);
      return json(200, { region });
    }
    if (region && method === 'DELETE') {
      region.people = region.people.filter((p) => p.id !== one?.[2]);
      return json(200, { region });
    }
    const reset = /^\/admin\/people\/([^/]+)\/password$/.exec(path);
    if (reset && method === 'POST') {
      if ((input.password ?? '').length < 10) return refuse(400, 'password-too-short');
      return new Response(null, { status: 204 });
    }
    return refuse(404, 'not-found');
  };

  const fetch = (input: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const path = input.replace(/^\/api\/v1/, '');
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    return Promise.resolve(answer(method, path, body));
  };
  return { fetch, calls, regions, people };
}

/** A signed-in office session for `person` in region `demo`. */
export function sessionOf(person: { id: string; name: string; role: string }): Session {
  return {
    profile: {
      deviceId: 'office-1',
      deviceName: 'coordinator',
      node: '00000000000000aa',
      token: 'token',
      siteId: '',
      siteName: 'Regio Brugge (demo)',
      siteKind: 'office',
      tenantId: 'demo',
      tenantName: 'Regio Brugge (demo)',
      roster: [person],
    },
    person,
    author: { device: 'office-1', actor: person.id, site: '', node: '00000000000000aa' },
  };
}

/** Wraps a screen in the session, as the signed-in shell does. */
export function withSession(session: Session, children: ReactNode) {
  return createElement(SessionContext.Provider, { value: session }, children);
}

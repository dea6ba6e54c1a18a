// Setting a scene through the real API, as devices would: enroll, and push events made with the
// domain's own constructors (for tests that need history they do not walk through the UI).
import { spawnSync } from 'node:child_process';
import { expect } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import {
  formatHlc,
  makeEvent,
  type BewaarEvent,
  type EventDataMap,
  type EventType,
  type Figures,
} from '../../../src/domain';
import { BASE_URL } from '../support';

export interface Sender {
  token: string;
  device: string;
  site: string;
  actor: string;
}

/** Enrolls a device with a code and writes as `actor` (a person on that site's roster). */
export async function enrollSender(code: string, actor: string): Promise<Sender> {
  const res = await fetch(`${BASE_URL}/api/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name: `test ${code}` }),
  });
  const body = (await res.json()) as {
    token: string;
    device: { id: string };
    site: { id: string };
  };
  return { token: body.token, device: body.device.id, site: body.site.id, actor };
}

let tick = 0;

/** An event written now by the sender. */
export function eventBy<K extends EventType>(
  who: Sender,
  type: K,
  subject: string,
  data: EventDataMap[K],
) {
  tick += 1;
  return makeEvent({
    id: uuidv7(),
    type,
    subject,
    hlc: formatHlc(Date.now(), tick % 0xffff, '00000000000000f1'),
    device: who.device,
    actor: who.actor,
    site: who.site,
    data,
  });
}

/** Pushes the events and expects all of them accepted. */
export async function pushAll(who: Sender, events: BewaarEvent[]): Promise<void> {
  const res = await fetch(`${BASE_URL}/api/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${who.token}` },
    body: JSON.stringify({ events }),
  });
  const body = (await res.json()) as { accepted: string[] };
  expect(body.accepted).toHaveLength(events.length);
}

/** Signs a person in (as the coordinator does on a laptop) and returns their token. */
export async function signIn(username: string, password: string): Promise<string> {
  const res = await fetch(`${BASE_URL}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** The server's figures of a period (`GET /figures`), as a signed-in coordinator asks them. */
export async function serverFigures(token: string, from: string, to: string): Promise<Figures> {
  const res = await fetch(`${BASE_URL}/api/v1/figures?from=${from}&to=${to}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Figures;
}

/** Runs `npm run admin -- …` on the e2e server's data folder (the scene a test needs that the
 * screens it tests do not make) and returns its JSON answer. */
export function adminCli(...args: string[]): { id: string } {
  const result = spawnSync('npx', ['tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, BEWAAR_DATA_DIR: process.env.BEWAAR_E2E_DATA_DIR },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`admin ${args[0] ?? ''}: ${result.stderr}`);
  return JSON.parse(result.stdout) as { id: string };
}

// The admin CLI end to end: a region set up from the command line enrolls a device over the API.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { createStore } from '../../server/store/createStore';
import { enroll } from './harness';

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'bewaar-cli-'));

async function admin(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    env: { ...process.env, BEWAAR_DATA_DIR: dir, DATABASE_URL: '' },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('admin CLI', () => {
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a tenant, a site, a person and a code that a device can enroll with', async () => {
    const tenant = String((await admin('create-tenant', '--name', 'Regio Gent')).id);
    const site = String(
      (await admin('create-site', '--tenant', tenant, '--name', 'Park Oost', '--kind', 'park')).id,
    );
    await admin(
      'create-person',
      '--tenant',
      tenant,
      '--name',
      'Eva',
      '--role',
      'attendant',
      '--site',
      site,
    );
    const code = String(
      (await admin('create-enrollment-code', '--tenant', tenant, '--site', site)).code,
    );
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    const store = createStore({ kind: 'sqlite', file: join(dir, 'bewaar.sqlite') });
    const app = await buildApp({ store, demo: false });
    try {
      const device = await enroll(app, code.toLowerCase(), 'Tablet Oost');
      expect(device.tenant.name).toBe('Regio Gent');
      expect(device.people.map((p) => p.name)).toEqual(['Eva']);
    } finally {
      await app.close();
      await store.close();
    }
    await expect(
      admin('create-site', '--tenant', tenant, '--name', 'x', '--kind', 'garage'),
    ).rejects.toThrow(/park, shop/);
  });
});

// The admin CLI end to end: a region set up from the command line enrolls a device over the API;
// a coordinator let into a second region signs in to both.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { createStore } from '../../server/store/createStore';
import { enroll, signIn } from './harness';

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

  // Seven runs of the CLI, each starting Node with tsx: a busy machine needs more than 30 s.
  it(
    'lets a coordinator into a second region: sign-in then offers both',
    { timeout: 90_000 },
    async () => {
      const kust = String((await admin('create-tenant', '--name', 'Regio Kust')).id);
      const polder = String((await admin('create-tenant', '--name', 'Regio Polder')).id);
      await admin(
        ...['create-person', '--tenant', kust, '--name', 'Hanne', '--role', 'coordinator'],
        ...['--username', 'hanne', '--password', 'hub-wachtwoord-1'],
      );
      await admin('create-person', '--tenant', kust, '--name', 'Piet', '--role', 'attendant');
      const granted = await admin('grant-region', '--username', 'hanne', '--tenant', polder);
      expect(granted).toMatchObject({ region: polder, regionName: 'Regio Polder' });
      // Twice is the same grant.
      await admin('grant-region', '--username', 'hanne', '--tenant', polder);
      await expect(admin('grant-region', '--username', 'piet', '--tenant', polder)).rejects.toThrow(
        /no active coordinator or admin/,
      );
      await expect(
        admin('grant-region', '--username', 'hanne', '--tenant', 'nope'),
      ).rejects.toThrow(/no region has the id "nope"/);

      const store = createStore({ kind: 'sqlite', file: join(dir, 'bewaar.sqlite') });
      const app = await buildApp({ store, demo: false });
      try {
        const token = await signIn(app, 'hanne', 'hub-wachtwoord-1');
        const session = await app.inject({
          method: 'GET',
          url: '/api/v1/session',
          headers: { authorization: `Bearer ${token}` },
        });
        const regions = session.json<{ regions: { name: string }[] }>().regions;
        expect(regions.map((r) => r.name)).toEqual(['Regio Kust', 'Regio Polder']);
        const audit = await store.db
          .selectFrom('audit_log')
          .select(['action', 'actor'])
          .where('tenant_id', '=', polder)
          .execute();
        expect(audit).toEqual([{ action: 'region.granted', actor: null }]);
      } finally {
        await app.close();
        await store.close();
      }
    },
  );
});

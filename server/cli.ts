// `npm run admin -- <command>`: creates tenants, sites, people and enrollment codes in the store
// the server uses (same BEWAAR_DATA_DIR / DATABASE_URL), lets a coordinator or admin into another
// region, lists what is there, and backs it up and restores it.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeAudit } from './audit';
import { hashPassword, PASSWORD_MIN } from './auth';
import { readConfig } from './config';
import {
  createEnrollmentCode,
  createPerson,
  createSite,
  createTenant,
  randomEnrollmentCode,
} from './directory';
import { backupPostgres, restorePostgres } from './store/backupPostgres';
import { backupSqlite, restoreSqlite } from './store/backupSqlite';
import { createStore } from './store/createStore';
import type { Store, StoreConfig } from './store/createStore';
import { setNewPassword } from './signIn';
import type { Role, SiteKind } from './store/schema';

const USAGE = `Usage: npm run admin -- <command> [options]
  create-tenant --name <name>
  create-site --tenant <id> --name <name> --kind park|shop|cafe
  create-person --tenant <id> --name <name> --role attendant|technician|coordinator|admin|host|fixer|organiser
                [--site <id> ...] [--username <u> --password <p>]
  create-enrollment-code --tenant <id> --site <id> [--code <code>] [--hours <n>] [--reusable]
  grant-region --username <u> --tenant <id>
                    lets a coordinator or admin open that region too (a hub over several)
  reset-password --username <u> --password <p>
                    for someone who cannot sign in (a lone admin locked out or forgotten);
                    their sessions end and any lockout is lifted
  revoke-device --device <id>
  list [--tenant <id>]
  backup <file>     a checked copy of the store, made while the server runs
  restore <file>    a backup put into an empty store (stop the server first)`;

const ROLES: Role[] = [
  'attendant',
  'technician',
  'coordinator',
  'admin',
  'host',
  'fixer',
  'organiser',
];
const KINDS: SiteKind[] = ['park', 'shop', 'cafe'];

type Options = Record<string, string | boolean | string[] | undefined>;

function need(options: Options, name: string): string {
  const given = options[name];
  // --site may repeat (a person on several rosters); elsewhere the first one counts.
  const value = Array.isArray(given) ? given[0] : given;
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`--${name} is required`);
  return value.trim();
}

function oneOf<T extends string>(value: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(value))
    throw new Error(`--${name} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** Sets a person's password from the server's own machine, where no sign-in is needed. */
async function resetPassword(store: Store, username: string, password: string) {
  if (password.length < PASSWORD_MIN)
    throw new Error(`--password needs at least ${PASSWORD_MIN} characters`);
  const hash = await hashPassword(password);
  return store.db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom('people')
      .select(['id', 'tenant_id'])
      .where('username', '=', username.trim())
      .executeTakeFirst();
    if (!person) throw new Error(`no one has the username "${username}"`);
    await setNewPassword(trx, { id: person.id, username }, hash, Date.now());
    await writeAudit(trx, {
      tenantId: person.tenant_id,
      actor: null,
      action: 'person.password-reset',
      target: person.id,
      details: { by: 'admin CLI' },
    });
    return { reset: person.id };
  });
}

async function run(store: Store, command: string, options: Options): Promise<unknown> {
  const db = store.db;
  switch (command) {
    case 'create-tenant':
      return createTenant(db, need(options, 'name'));
    case 'create-site':
      return createSite(db, {
        tenantId: need(options, 'tenant'),
        name: need(options, 'name'),
        kind: oneOf(need(options, 'kind'), KINDS, 'kind'),
      });
    case 'create-person': {
      const username = typeof options.username === 'string' ? options.username : undefined;
      const password = typeof options.password === 'string' ? options.password : undefined;
      if ((username === undefined) !== (password === undefined))
        throw new Error('give --username and --password together');
      return createPerson(db, {
        tenantId: need(options, 'tenant'),
        name: need(options, 'name'),
        role: oneOf(need(options, 'role'), ROLES, 'role'),
        sites: Array.isArray(options.site) ? options.site : [],
        ...(username === undefined ? {} : { username, password }),
      });
    }
    case 'create-enrollment-code': {
      const hours = Number(typeof options.hours === 'string' ? options.hours : 72);
      if (!(hours > 0)) throw new Error('--hours must be a positive number');
      return createEnrollmentCode(db, {
        tenantId: need(options, 'tenant'),
        siteId: need(options, 'site'),
        code: typeof options.code === 'string' ? options.code : randomEnrollmentCode(),
        reusable: options.reusable === true,
        expiresAt: new Date(Date.now() + hours * 3_600_000),
      });
    }
    case 'grant-region':
      return grantRegion(store, need(options, 'username'), need(options, 'tenant'));
    case 'reset-password':
      return resetPassword(store, need(options, 'username'), need(options, 'password'));
    case 'revoke-device': {
      const id = need(options, 'device');
      const now = new Date().toISOString();
      await db.updateTable('devices').set({ revoked_at: now }).where('id', '=', id).execute();
      await db.updateTable('tokens').set({ revoked_at: now }).where('device_id', '=', id).execute();
      return { revoked: id };
    }
    case 'list': {
      const tenant = typeof options.tenant === 'string' ? options.tenant : undefined;
      const scoped = <T>(rows: (T & { tenant_id?: string; id?: string })[]) =>
        tenant === undefined ? rows : rows.filter((r) => (r.tenant_id ?? r.id) === tenant);
      return {
        tenants: scoped(await db.selectFrom('tenants').selectAll().execute()),
        sites: scoped(await db.selectFrom('sites').selectAll().execute()),
        people: scoped(
          await db
            .selectFrom('people')
            .select(['id', 'tenant_id', 'name', 'role', 'username'])
            .execute(),
        ),
        devices: scoped(await db.selectFrom('devices').selectAll().execute()),
        enrollmentCodes: scoped(await db.selectFrom('enrollment_codes').selectAll().execute()),
      };
    }
    default:
      throw new Error(`unknown command "${command}"\n${USAGE}`);
  }
}

/** Lets the coordinator or admin with this username open the region too, as an admin does in
 * Regio's (recorded in the region's audit log, with no person as the actor). */
async function grantRegion(store: Store, username: string, tenantId: string) {
  const db = store.db;
  const person = await db
    .selectFrom('people')
    .select(['id', 'name', 'role'])
    .where('username', '=', username)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!person || (person.role !== 'coordinator' && person.role !== 'admin'))
    throw new Error(`no active coordinator or admin has the username "${username}"`);
  const tenant = await db
    .selectFrom('tenants')
    .select(['id', 'name'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!tenant) throw new Error(`no region has the id "${tenantId}"`);
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('person_regions')
      .values({ person_id: person.id, tenant_id: tenant.id })
      .onConflict((oc) => oc.columns(['person_id', 'tenant_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return;
    await writeAudit(trx, {
      tenantId: tenant.id,
      actor: null,
      action: 'region.granted',
      target: person.id,
      details: { by: 'admin CLI' },
    });
  });
  return { person: person.id, name: person.name, region: tenant.id, regionName: tenant.name };
}

/** Backup and restore work on the store's files or database as they are: no migration first (a
 * restore needs the store empty, and a backup copies what the running server has). */
function backupOrRestore(
  command: 'backup' | 'restore',
  file: string,
  config: StoreConfig,
): Promise<unknown> {
  if (config.kind === 'postgres') {
    return command === 'backup'
      ? backupPostgres(config.url, file)
      : restorePostgres(file, config.url);
  }
  return command === 'backup' ? backupSqlite(config.file, file) : restoreSqlite(file, config.file);
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      tenant: { type: 'string' },
      kind: { type: 'string' },
      role: { type: 'string' },
      site: { type: 'string', multiple: true },
      username: { type: 'string' },
      password: { type: 'string' },
      code: { type: 'string' },
      hours: { type: 'string' },
      reusable: { type: 'boolean' },
      device: { type: 'string' },
    },
  });
  const command = positionals[0];
  if (command === undefined) {
    console.info(USAGE);
    return;
  }
  const config = readConfig(process.env, []).store;
  if (command === 'backup' || command === 'restore') {
    const file = positionals[1];
    if (file === undefined) throw new Error(`give the backup file: ${command} <file>\n${USAGE}`);
    console.info(JSON.stringify(await backupOrRestore(command, resolve(file), config), null, 2));
    return;
  }
  const store = createStore(config);
  try {
    await store.migrate();
    console.info(JSON.stringify(await run(store, command, values), null, 2));
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

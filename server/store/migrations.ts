// The schema as Kysely migrations kept in code (no migration folder to ship), run on every start.
// One definition for both dialects; only the event sequence and the photo bytes differ in type.
import { sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { rebuildItems } from '../itemProjection';

export type StoreKind = 'sqlite' | 'postgres';

function initial(kind: StoreKind): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('tenants')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sites')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('park', 'shop')`))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('people')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) =>
          c.notNull().check(sql`role in ('attendant', 'technician', 'coordinator', 'admin')`),
        )
        .addColumn('username', 'text', (c) => c.unique())
        .addColumn('password_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('roster')
        .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addPrimaryKeyConstraint('roster_pk', ['person_id', 'site_id'])
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_seen_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('tokens')
        .addColumn('hash', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('device_id', 'text', (c) => c.references('devices.id'))
        .addColumn('person_id', 'text', (c) => c.references('people.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('enrollment_codes')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
        .addColumn('expires_at', 'text')
        .addColumn('used_at', 'text')
        .addColumn('reusable', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('seq', kind === 'postgres' ? 'bigserial' : 'integer', (c) =>
          kind === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('hlc', 'text', (c) => c.notNull())
        .addColumn('device', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('events_tenant_seq')
        .on('events')
        .columns(['tenant_id', 'seq'])
        .execute();
      // The sale rules fold an item's stored events: find them without a scan.
      await db.schema
        .createIndex('events_tenant_subject')
        .on('events')
        .columns(['tenant_id', 'subject'])
        .execute();
      await db.schema
        .createTable('photos')
        .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('bytes', kind === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('photos_pk', ['tenant_id', 'sha256'])
        .execute();
    },
  };
}

// The coordinator's figures read this projection instead of folding the log (see
// server/itemProjection.ts), filled by 0004 from the events already stored. A release that changes
// what the fold or the figure facts produce adds a migration that calls rebuildItems again.
const items: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('items')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('cage', 'text')
      .addColumn('site', 'text')
      .addColumn('shop_site', 'text')
      .addColumn('category', 'integer')
      .addColumn('first_day', 'text')
      .addColumn('last_day', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('items_pk', ['tenant_id', 'code'])
      .execute();
    await db.schema
      .createIndex('items_tenant_cage')
      .on('items')
      .columns(['tenant_id', 'cage'])
      .execute();
    await db.schema
      .createIndex('items_tenant_first_day')
      .on('items')
      .columns(['tenant_id', 'first_day'])
      .execute();
    // Filled by 0004, once the rows can carry their position.
  },
};

// Administration: site details, people switched off, what devices report, label sheets and the
// audit log. Added columns are nullable (or defaulted), so existing rows stay valid.
const admin: Migration = {
  async up(db: Kysely<unknown>) {
    // SQLite adds one column per statement.
    await db.schema.alterTable('sites').addColumn('address', 'text').execute();
    await db.schema.alterTable('sites').addColumn('intercommunale', 'text').execute();
    await db.schema
      .alterTable('people')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('devices').addColumn('app_version', 'text').execute();
    await db.schema.alterTable('devices').addColumn('pending_at_last_contact', 'integer').execute();
    await db.schema
      .createTable('label_batches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('item', 'cage')`))
      .addColumn('count', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
      .execute();
    await db.schema
      .createIndex('label_batches_tenant_created')
      .on('label_batches')
      .columns(['tenant_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('label_codes')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('item', 'cage')`))
      .addColumn('batch_id', 'text', (c) => c.notNull().references('label_batches.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('label_codes_batch')
      .on('label_codes')
      .columns(['batch_id', 'position'])
      .execute();
    // A new label must not name a subject that already has events, in any tenant.
    await db.schema.createIndex('events_subject').on('events').column('subject').execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('audit_log_tenant_id')
      .on('audit_log')
      .columns(['tenant_id', 'id'])
      .execute();
  },
};

/** 0004: the items projection remembers the event position it was written at, so each server's
 * figure cache reads only what changed since; then it is filled from the whole event log. */
const itemSeq = (kind: StoreKind): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('items')
      .addColumn('seq', kind === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex('items_tenant_seq')
      .on('items')
      .columns(['tenant_id', 'seq'])
      .execute();
    await rebuildItems(db);
  },
});

/** 0005: the item projection follows the log instead of being re-folded in each push
 * (projector.ts); it records how far it has folded each tenant's events. Until now every push
 * folded its events before committing, so each tenant's projection is at its last event. */
const projections = (kind: StoreKind): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('projections')
      .addColumn('tenant_id', 'text', (c) => c.primaryKey().references('tenants.id'))
      .addColumn('seq', kind === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
      .execute();
    await sql`insert into projections (tenant_id, seq)
      select tenant_id, max(seq) from events group by tenant_id`.execute(db);
  },
});

/** 0006: one index on events for subjects instead of two. Every look-up by subject — a label's
 * events in any tenant, an item's events in its tenant — is served by (subject, tenant_id), and
 * each push maintained both (probe: dropping one made inserting 10,000 events on PostgreSQL ~6 %
 * cheaper). Not (tenant_id, subject) alone: the look-up across tenants could not use it. */
const oneSubjectIndex: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createIndex('events_subject_tenant')
      .on('events')
      .columns(['subject', 'tenant_id'])
      .execute();
    await db.schema.dropIndex('events_subject').execute();
    await db.schema.dropIndex('events_tenant_subject').execute();
  },
};

/** 0007: every item and cage code belongs to one region — the one that reserved it on a label
 * sheet, or else the one that first stored an event about it — so another region's device can
 * neither write about it nor take over its public card. Filled from the label sheets first, then
 * from the log (where two regions already wrote about a code, the earlier arrival owns it). */
const subjectOwners: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('subject_owners')
      .addColumn('subject', 'text', (c) => c.primaryKey())
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .execute();
    await sql`insert into subject_owners (subject, tenant_id)
      select code, tenant_id from label_codes`.execute(db);
    await sql`insert into subject_owners (subject, tenant_id)
      select e.subject, min(e.tenant_id) from events e
      where not exists (select 1 from subject_owners o where o.subject = e.subject)
        and e.received_at = (select min(x.received_at) from events x where x.subject = e.subject)
      group by e.subject`.execute(db);
  },
};

/** 0008: sign-in sessions that end (a person's token is dead after 12 idle hours or 30 days), a
 * person who works in several regions (`person_regions`; everyone who can sign in starts with
 * their own region), and each account's failed sign-ins for its growing lockout. Tokens issued
 * before expire 30 days from now, not at once, so nobody is signed out by the upgrade. */
const sessions: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('tokens').addColumn('last_used_at', 'text').execute();
    await db.schema.alterTable('tokens').addColumn('expires_at', 'text').execute();
    const now = new Date();
    const inThirtyDays = new Date(now.getTime() + 30 * 24 * 3_600_000).toISOString();
    await sql`update tokens set last_used_at = ${now.toISOString()}, expires_at = ${inThirtyDays}
      where person_id is not null`.execute(db);
    await db.schema
      .createTable('person_regions')
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addPrimaryKeyConstraint('person_regions_pk', ['person_id', 'tenant_id'])
      .execute();
    await sql`insert into person_regions (person_id, tenant_id)
      select id, tenant_id from people where username is not null`.execute(db);
    await db.schema
      .createTable('login_attempts')
      .addColumn('username', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();
  },
};

const SITE_KINDS = sql`kind in ('park', 'shop', 'cafe')`;
const ROLES = sql`role in ('attendant', 'technician', 'coordinator', 'admin', 'host', 'fixer', 'organiser')`;

/** Replaces a table's CHECK constraints with one new one. PostgreSQL alters the constraint in
 * place. SQLite cannot alter a constraint: the table is made again from its own stored
 * definition with the check replaced, its rows copied over, and the old one dropped — which the
 * other tables' foreign keys allow only while they are off (createStore.ts turns them off for
 * the migrations and checks them all before they commit). */
async function replaceCheck(
  db: Kysely<unknown>,
  kind: StoreKind,
  table: 'sites' | 'people',
  from: string,
  check: ReturnType<typeof sql>,
): Promise<void> {
  if (kind === 'postgres') {
    const { rows } = await sql<{ conname: string }>`select conname from pg_constraint
      where conrelid = ${table}::regclass and contype = 'c'`.execute(db);
    for (const { conname } of rows)
      await sql`alter table ${sql.table(table)} drop constraint ${sql.ref(conname)}`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_check`)} check (${check})`.execute(
      db,
    );
    return;
  }
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_schema
    where type = 'table' and name = ${table}`.execute(db);
  const definition = rows[0]?.sql;
  if (definition === undefined || !definition.includes(from))
    throw new Error(`migration: the ${table} table is not as expected`);
  const compiled = check.compile(db).sql;
  const renamed = definition.replace(`"${table}"`, `"${table}_new"`).replace(from, compiled);
  await sql.raw(renamed).execute(db);
  await sql.raw(`insert into "${table}_new" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${table}_new" rename to "${table}"`).execute(db);
  const broken = await sql`pragma foreign_key_check`.execute(db);
  if (broken.rows.length > 0) throw new Error(`migration: ${table} broke a foreign key`);
}

/** 0009: repair cafés (DESIGN §6). A site may be a café, with its ORDS group and how many days it
 * keeps a visitor's follow-up contact; people may be hosts and fixers on a café's roster, or its
 * organiser; the contacts themselves live in their own table, outside the event log. */
const cafes = (kind: StoreKind): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await replaceCheck(db, kind, 'sites', "kind in ('park', 'shop')", SITE_KINDS);
    await replaceCheck(
      db,
      kind,
      'people',
      "role in ('attendant', 'technician', 'coordinator', 'admin')",
      ROLES,
    );
    await db.schema.alterTable('sites').addColumn('ords_group', 'text').execute();
    await db.schema
      .alterTable('sites')
      .addColumn('contact_retention_days', 'integer', (c) => c.notNull().defaultTo(90))
      .execute();
    await db.schema
      .createTable('cafe_contacts')
      .addColumn('tenant_id', 'text', (c) => c.notNull().references('tenants.id'))
      .addColumn('ticket', 'text', (c) => c.notNull())
      .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
      .addColumn('first_name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('cafe_contacts_pk', ['tenant_id', 'ticket'])
      .execute();
    await db.schema
      .createIndex('cafe_contacts_site_created')
      .on('cafe_contacts')
      .columns(['site_id', 'created_at'])
      .execute();
  },
});

/** 0010: who made an enrollment code, so the audit log can say with whose code a device was
 * enrolled. Codes made before (and the demo's and the CLI's) name nobody. */
const codeCreators: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('enrollment_codes')
      .addColumn('created_by', 'text', (c) => c.references('people.id'))
      .execute();
  },
};

/** The migrations of a store of this kind, in order (names sort as they must run). */
export function migrationProvider(kind: StoreKind): MigrationProvider {
  return {
    getMigrations: () =>
      Promise.resolve({
        '0001-initial': initial(kind),
        '0002-items': items,
        '0003-admin': admin,
        '0004-item-seq': itemSeq(kind),
        '0005-projections': projections(kind),
        '0006-one-subject-index': oneSubjectIndex,
        '0007-subject-owners': subjectOwners,
        '0008-sessions': sessions,
        '0009-cafes': cafes(kind),
        '0010-code-creators': codeCreators,
      }),
  };
}

// An upgrade whose migration fails leaves the store exactly as it was, on both stores: the
// migrations of one start commit together or not at all, so the server refuses to start on the old
// schema rather than run on a half-changed one (docs/DEPLOY.md "Upgrades").
import { Migrator, sql } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationProvider } from '../../server/store/migrations';
import { STORE_KINDS, openTestStore } from './testStore';

describe.each(STORE_KINDS)('a failed upgrade on %s', (kind) => {
  it('changes nothing: neither its own migration nor the ones before it in the same start', async () => {
    const store = await openTestStore(kind);
    try {
      const release = await migrationProvider(kind).getMigrations();
      const added: Migration = {
        async up(db: Kysely<unknown>) {
          await db.schema.createTable('next_release').addColumn('id', 'text').execute();
        },
      };
      const failing: Migration = {
        async up(db: Kysely<unknown>) {
          await db.schema.alterTable('people').addColumn('nickname', 'text').execute();
          await sql`insert into next_release (id) values ('half')`.execute(db);
          throw new Error('the upgrade fails half-way');
        },
      };
      const migrator = new Migrator({
        db: store.db,
        provider: {
          getMigrations: () =>
            Promise.resolve({ ...release, '0098-added': added, '0099-failing': failing }),
        },
      });
      const { error } = await migrator.migrateToLatest();
      expect(String(error)).toMatch(/fails half-way/);

      const tables = await store.db.introspection.getTables();
      expect(tables.map((t) => t.name)).not.toContain('next_release');
      const people = tables.find((t) => t.name === 'people');
      expect(people?.columns.map((c) => c.name)).not.toContain('nickname');
      const ran = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
      expect(ran.rows.map((r) => r.name).sort()).toEqual(Object.keys(release).sort());
      // The release's own migrations still find the store as they left it.
      await store.migrate();
    } finally {
      await store.close();
    }
  });
});

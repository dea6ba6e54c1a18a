// Vitest globalSetup for the server tests: ONE PostgreSQL cluster for the whole run, on a free
// port. Tests get its base URL through inject('postgresBaseUrl') and make their own database. A
// cluster that cannot start fails the PostgreSQL tests with its reason, in one line; the rest run.
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://…/` without a database name; append one. Empty when the cluster failed. */
    postgresBaseUrl: string;
    /** Why the cluster did not start (empty when it runs). */
    postgresError: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    const postgres = await startPostgres(await freePort());
    project.provide('postgresBaseUrl', postgres.url(''));
    project.provide('postgresError', '');
    return () => postgres.stop();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`PostgreSQL for the tests did not start: ${reason}`);
    project.provide('postgresBaseUrl', '');
    project.provide('postgresError', reason);
    return () => Promise.resolve();
  }
}

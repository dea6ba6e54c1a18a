// Vitest globalSetup for the server tests: ONE embedded PostgreSQL cluster for the whole run, on a
// free port. Tests get its base URL through inject('postgresBaseUrl') and make their own database.
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `postgres://…/` without a database name; append one. */
    postgresBaseUrl: string;
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
  const postgres = await startPostgres(await freePort());
  project.provide('postgresBaseUrl', postgres.url(''));
  return () => postgres.stop();
}

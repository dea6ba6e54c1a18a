// `npm run openapi`: writes docs/openapi.json from the route schemas (the same document the
// server serves at /api/openapi.json), against a throwaway in-memory store. With a path
// argument it writes there instead (`npm run openapi:lint` lints a fresh copy, not the file in
// docs/, which may lag behind the routes).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { createStore } from './store/createStore';

const [out] = process.argv.slice(2);
const target =
  out === undefined
    ? fileURLToPath(new URL('../docs/openapi.json', import.meta.url))
    : resolve(out);
const store = createStore({ kind: 'sqlite', file: ':memory:' });
const app = await buildApp({ store, demo: false });
await app.ready();
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await store.close();
console.info(`wrote ${target}`);

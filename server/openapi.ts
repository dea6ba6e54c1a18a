// `npm run openapi`: writes docs/openapi.json from the route schemas (the same document the
// server serves at /api/openapi.json), against a throwaway in-memory store.
import { writeFileSync } from 'node:fs';
import { buildApp } from './app';
import { createStore } from './store/createStore';

const target = new URL('../docs/openapi.json', import.meta.url);
const store = createStore({ kind: 'sqlite', file: ':memory:' });
const app = await buildApp({ store, demo: false });
await app.ready();
writeFileSync(target, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await store.close();
console.info(`wrote ${target.pathname}`);

// The server's entry point (`npm run serve`, `npm start`): reads the config, opens and migrates
// the store (SQLite under BEWAAR_DATA_DIR or PostgreSQL), seeds the demo when asked, listens.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { buildApp } from './app';
import { readConfig } from './config';
import { seedDemo } from './demo';
import { warmFigures } from './itemProjection';
import { createStore } from './store/createStore';
import type { Store } from './store/createStore';

/** A one-time admin set-up code when the store has no admin yet. */
async function firstStartCode(store: Store): Promise<string | undefined> {
  const admin = await store.db
    .selectFrom('people')
    .select('id')
    .where('role', '=', 'admin')
    .executeTakeFirst();
  return admin === undefined ? randomBytes(12).toString('base64url') : undefined;
}

async function main(): Promise<void> {
  const config = readConfig(process.env, process.argv.slice(2));
  const store = createStore(config.store);
  await store.migrate();
  const staticDir = existsSync(config.staticDir) ? config.staticDir : undefined;
  let season: Awaited<ReturnType<typeof seedDemo>>;
  let seasonMs = 0;
  if (config.demo) {
    const started = performance.now();
    season = await seedDemo(store.db, { season: { store, now: Date.now() } });
    seasonMs = performance.now() - started;
  }
  const setupCode = config.demo ? undefined : await firstStartCode(store);
  const app = await buildApp({
    store,
    demo: config.demo,
    staticDir,
    logger: true,
    setupCode,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    exportPool: { workers: config.exportWorkers },
  });
  if (setupCode !== undefined) {
    app.log.warn(
      `First start: no admin yet. Open the app in a browser and enter this set-up code: ${setupCode} (it works once; a restart prints a new one until an admin exists).`,
    );
  }
  if (config.demo) {
    app.log.warn(
      'Demo mode — no real data. Sign in as coordinator / bewaar-demo (the region) or organiser / bewaar-demo (the repair café); codes DEMO-NOORD, DEMO-ZUID, DEMO-WINKEL, DEMO-CAFE.',
    );
    if (season?.seeded === true) {
      app.log.info(
        `Demo season seeded: ${season.items} items, ${season.cages} cages, ${season.events} events in ${Math.round(seasonMs)} ms.`,
      );
    }
    if (season?.cafe.seeded === true) {
      app.log.info(
        `Demo repair café seeded: ${season.cafe.sessions} past sessions, ${season.cafe.visits} visits.`,
      );
    }
  }
  if (staticDir === undefined) {
    app.log.warn(`No built app in ${config.staticDir}: serving the API only (run vite build).`);
  }
  const shutdown = (): void => {
    void app.close().then(() => store.close());
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  // The projection is caught up with the log and the figures' parsed copy of it read now, rather
  // than by the first request.
  const warmStart = performance.now();
  warmFigures(store).then(
    (items) => {
      app.log.info(
        `Figures ready: ${items} items read in ${Math.round(performance.now() - warmStart)} ms.`,
      );
    },
    (error: unknown) => {
      app.log.warn(
        { err: error },
        'Reading the figures projection at start failed; the first request will.',
      );
    },
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

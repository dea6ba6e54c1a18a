// Server figures over a big region: a tenant with 100,000 items (~1,000,000 events, a year of
// park → shop → sale) seeded straight into the store, the item projection rebuilt from them, then
// GET /api/v1/figures for the year timed on SQLite and PostgreSQL (median of BENCH_RUNS).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../server/app';
import { DEMO, seedDemo } from '../server/demo';
import { loadFigureLines, warmFigures } from '../server/itemProjection';
import { rebuildProjection } from '../server/projector';
import { createStore } from '../server/store/createStore';
import type { Store, StoreConfig } from '../server/store/createStore';
import { computeFigures } from '../src/domain';
import type { Figures } from '../src/domain';
import { startPostgres } from '../tests/support/postgres';
import { insertSeason } from '../tests/support/season';
import { benchRuns, spread } from './lib';
import type { Spread } from './lib';

/** Seeds the demo tenant with the season in big transactions, then builds the projection. */
export async function seedSeason(store: Store, items: number) {
  await seedDemo(store.db);
  const t0 = performance.now();
  const events = await insertSeason(store, items);
  const insertMs = performance.now() - t0;
  const t1 = performance.now();
  await rebuildProjection(store, DEMO.tenant.id);
  return { events, insertMs, projectMs: performance.now() - t1 };
}

export interface FiguresServerRow {
  store: string;
  items: number;
  events: number;
  seedMs: number;
  projectMs: number;
  /** GET /api/v1/figures for the year, through the whole app (auth, filter, load, compute, JSON). */
  year: Spread;
  /** The same request's parts, outside the app: read and parse the rows; computeFigures. */
  loadYear: Spread;
  computeYear: Spread;
  /** GET /api/v1/figures for one month (the projection's day columns prune the rest). */
  month: Spread;
  soldInYear: number;
  /** The first GET /figures for the year after the server started, cold (fills its parsed
   * copy); and after the start's background warm-up (`warmFigures`), which took `warmMs`. */
  firstYearMs: number;
  warmMs: number;
  firstWarmYearMs: number;
}

async function measure(
  config: StoreConfig,
  items: number,
  runs: number,
): Promise<FiguresServerRow> {
  const store = createStore(config);
  await store.migrate();
  try {
    const seeded = await seedSeason(store, items);
    const app = await buildApp({ store, demo: true, rateLimit: { max: 100_000 } });
    try {
      const session = await app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: DEMO.coordinator,
      });
      const token = session.json<{ token: string }>().token;
      const timeGet = async (query: string) => {
        const t = performance.now();
        const res = await app.inject({
          method: 'GET',
          url: `/api/v1/figures?${query}`,
          headers: { authorization: `Bearer ${token}` },
        });
        const ms = performance.now() - t;
        if (res.statusCode !== 200) throw new Error(`figures ${res.statusCode} ${res.body}`);
        return { ms, figures: res.json<Figures>() };
      };
      const filter = { from: '2026-01-01', to: '2026-12-31' };
      // The first request after start also reads and parses the whole projection into the
      // server's copy: reported on its own, then left out of the runs.
      const first = (await timeGet(`from=${filter.from}&to=${filter.to}`)).ms;
      // A second server that warmed up at start, as main.ts does: its own store handle on the
      // same data, so its parsed copy starts empty; the same token works on it.
      const other = createStore(config);
      const warmApp = await buildApp({ store: other, demo: true, rateLimit: { max: 100_000 } });
      let warmMs = 0;
      let firstWarm = 0;
      try {
        const t = performance.now();
        await warmFigures(other);
        warmMs = performance.now() - t;
        const started = performance.now();
        const res = await warmApp.inject({
          method: 'GET',
          url: `/api/v1/figures?from=${filter.from}&to=${filter.to}`,
          headers: { authorization: `Bearer ${token}` },
        });
        firstWarm = performance.now() - started;
        if (res.statusCode !== 200) throw new Error(`figures ${res.statusCode} ${res.body}`);
      } finally {
        await warmApp.close();
        await other.close();
      }
      const year: number[] = [];
      const month: number[] = [];
      const load: number[] = [];
      const compute: number[] = [];
      let sold = 0;
      for (let i = 0; i < runs; i++) {
        const r = await timeGet(`from=${filter.from}&to=${filter.to}`);
        year.push(r.ms);
        sold = r.figures.sold.count;
        month.push((await timeGet('from=2026-06-01&to=2026-06-30')).ms);
        let t = performance.now();
        const loaded = await loadFigureLines(store, DEMO.tenant.id, filter);
        load.push(performance.now() - t);
        t = performance.now();
        computeFigures(loaded, filter);
        compute.push(performance.now() - t);
      }
      return {
        store: config.kind,
        items,
        events: seeded.events,
        seedMs: seeded.insertMs,
        projectMs: seeded.projectMs,
        year: spread(year),
        loadYear: spread(load),
        computeYear: spread(compute),
        month: spread(month),
        soldInYear: sold,
        firstYearMs: first,
        warmMs,
        firstWarmYearMs: firstWarm,
      };
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
}

/** Runs the figures bench on SQLite and, with BENCH_FIGURES_POSTGRES=1, PostgreSQL (its seeding of
 * a million events takes two and a half minutes, too long for the whole bench run). */
export async function benchFiguresServer(
  items = Number(process.env.BENCH_FIGURES_ITEMS ?? 100_000),
): Promise<FiguresServerRow[]> {
  const runs = benchRuns();
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-bench-figures-'));
  const rows: FiguresServerRow[] = [];
  try {
    rows.push(await measure({ kind: 'sqlite', file: join(dir, 'figures.sqlite') }, items, runs));
    if (process.env.BENCH_FIGURES_POSTGRES === '1') {
      const pg = await startPostgres(54378);
      try {
        await pg.createDatabase('bench_figures');
        rows.push(await measure({ kind: 'postgres', url: pg.url('bench_figures') }, items, runs));
      } finally {
        await pg.stop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

/** The result as a table for docs/BENCHMARKS.md. */
export function figuresServerMarkdown(rows: readonly FiguresServerRow[]): string {
  const ms = (s: Spread) => `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
  return [
    "| store | items | events | first GET /figures after start, a year: cold · after the start's warm-up (warm-up time) | GET /figures, a year | of which: the projection rows (parsed copy, topped up) | computeFigures | GET /figures, a month | target < 1 s |",
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.store === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.items} | ${r.events} | ${r.firstYearMs.toFixed(0)} ms · ${r.firstWarmYearMs.toFixed(0)} ms (${r.warmMs.toFixed(0)} ms) | ${ms(r.year)} | ${ms(r.loadYear)} | ${ms(r.computeYear)} | ${ms(r.month)} | **${r.year.median < 1000 ? 'met' : 'missed'}** |`,
    ),
  ].join('\n');
}

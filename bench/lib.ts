// Shared bench plumbing: build and serve the PWA, launch the machine's Chromium, describe the
// machine, and write results (JSON + a section of docs/BENCHMARKS.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os, { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startServerProcess } from '../tests/support/serverProcess';

/** The port of the bench's own servers: BENCH_PORT, else 4175 (a shared machine gives each run its
 * own). */
export const PORT = Number(process.env.BENCH_PORT ?? 4175);
export const ORIGIN = `http://localhost:${PORT}`;

let built = false;
/** A production build of the PWA into dist/, once per bench process (`npm run bench` runs every
 * bench against the same build). */
export function buildPwa(): void {
  if (built) return;
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
  built = true;
}

/** Builds the app once and runs the real server (demo mode, fresh SQLite store) serving dist/;
 * returns a stop function that resolves once the port is free again (the next bench's server
 * takes the same port). */
export async function servePwa(): Promise<() => Promise<void>> {
  buildPwa();
  const server = await startServerProcess({
    port: PORT,
    staticDir: 'dist',
    dataDir: mkdtempSync(join(tmpdir(), 'bewaar-bench-')),
  });
  return () => server.stop();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** Chromium with a fresh profile of its own on disk (IndexedDB on disk, as on a device, not in
 * an in-memory incognito context); `close` ends it and removes the profile. */
export async function launchFreshProfile(
  viewport = { width: 390, height: 844 },
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Median, min and max of repeated measurements (kept, too, for the JSON). */
export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] ?? NaN)
      : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return {
    median,
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
    runs: [...values],
  };
}

/** How many times each measurement is repeated: BENCH_RUNS, else `fallback`. */
export function benchRuns(fallback = 5): number {
  const n = Number(process.env.BENCH_RUNS ?? fallback);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The machine a result was measured on. */
export function machine() {
  const version = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.trim();
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    chromium: version,
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? NaN;
}

/** Writes bench/results/<name>.json and replaces the <name> section of docs/BENCHMARKS.md. */
export function record(name: string, result: unknown, markdown: string): void {
  writeFileSync(
    new URL(`./results/${name}.json`, import.meta.url),
    JSON.stringify(result, null, 2) + '\n',
  );
  const docUrl = new URL('../docs/BENCHMARKS.md', import.meta.url);
  const doc = readFileSync(docUrl, 'utf8');
  const start = `<!-- bench:${name}:start -->`;
  const end = `<!-- bench:${name}:end -->`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < 0) throw new Error(`docs/BENCHMARKS.md lacks the ${name} markers`);
  writeFileSync(
    docUrl,
    doc.slice(0, from + start.length) + '\n' + markdown.trim() + '\n' + doc.slice(to),
  );
}

/** Bundles a page-side script of bench/ (path relative to this folder) for Chromium: an ES
 * module to serve, or an IIFE to evaluate in a page. */
export async function bundle(entry: string, format: 'esm' | 'iife' = 'esm'): Promise<string> {
  const out = await build({
    entryPoints: [new URL(entry, import.meta.url).pathname],
    bundle: true,
    format,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  return out.outputFiles[0]?.text ?? '';
}

/** CPU seconds the PostgreSQL listening on `port` has used so far: the postmaster's own and that
 * of its children that have exited (a backend ends when a pool lets an idle connection go), plus
 * the live children's; NaN when there is no such server. */
export function postgresCpu(port: number): number {
  const info = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const fields = readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
        return [{ pid: Number(d), ppid: Number(fields[1]), fields, cmd }];
      } catch {
        return []; // gone meanwhile
      }
    });
  const master = info.find(
    (p) => p.cmd.includes('postgres\0') && p.cmd.includes(`-p\0${String(port)}\0`),
  );
  if (!master) return NaN;
  // After "pid (comm) ": utime 11, stime 12, cutime 13, cstime 14 (clock ticks, 100 a second).
  const ticks = (fields: string[], from: number, to: number) => {
    let sum = 0;
    for (let i = from; i <= to; i++) sum += Number(fields[i]);
    return sum;
  };
  const children = info.filter((p) => p.ppid === master.pid);
  return (
    (ticks(master.fields, 11, 14) + children.reduce((s, c) => s + ticks(c.fields, 11, 12), 0)) / 100
  );
}

// Shared bench plumbing: build and serve the PWA, launch the machine's Chromium, describe the
// machine, and write results (JSON + a section of docs/BENCHMARKS.md).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os, { tmpdir } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startServerProcess } from '../tests/support/serverProcess';

export const PORT = 4175;
export const ORIGIN = `http://localhost:${PORT}`;

/** A production build of the PWA into dist/. */
export function buildPwa(): void {
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}

/** Builds the app once and runs the real server (demo mode, fresh SQLite store) serving dist/;
 * returns a stop function. */
export async function servePwa(): Promise<() => void> {
  buildPwa();
  const server = await startServerProcess({
    port: PORT,
    staticDir: 'dist',
    dataDir: mkdtempSync(join(tmpdir(), 'bewaar-bench-')),
  });
  return () => {
    void server.stop();
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
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

// Lighthouse (mobile preset: a mid-range phone on a slow 4G link, simulated) against the built app
// on the real server in demo mode: the welcome screen a fresh device shows, and the public card a
// shopper's phone opens from a label. Each page is audited BENCH_RUNS times (default 3) in a fresh
// Chromium; the run with the median performance score is the one recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { forSaleCode } from '../tests/support/forSale';
import { startServerProcess } from '../tests/support/serverProcess';
import { benchRuns, buildPwa, ORIGIN, PORT } from './lib';

/** Chromium's DevTools port for Lighthouse: the bench's server port plus one. */
const DEBUG_PORT = PORT + 1;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthousePage {
  page: string;
  path: string;
  /** Category scores, 0–100. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Every run's performance score, in run order. */
  performanceRuns: number[];
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  /** Bytes over the network for the page (transfer size: compressed where compressed). */
  transferredKiB: number;
  /** Script bytes transferred, and what Lighthouse counts as unused of them. */
  scriptKiB: number;
  unusedJsKiB: number;
  /** Accessibility, best-practice and SEO audits that did not pass, by id (performance has its
   * metrics above). */
  failed: string[];
  /** Lighthouse's measure of the machine's CPU speed at the run (higher is faster; a shared,
   * busy machine scores low, and the simulated phone is slowed from what was observed). */
  benchmarkIndex: number;
}

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

const numeric = (lhr: Lhr, id: string) => lhr.audits[id]?.numericValue ?? NaN;

function summarise(page: string, path: string, runs: Lhr[]): LighthousePage {
  const performance = (lhr: Lhr) => Math.round((lhr.categories.performance?.score ?? 0) * 100);
  const sorted = [...runs].sort((a, b) => performance(a) - performance(b));
  const lhr = sorted[Math.floor((sorted.length - 1) / 2)] ?? runs[0];
  if (!lhr) throw new Error('no Lighthouse run');
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as LighthousePage['scores'];
  const requests =
    (lhr.audits['network-requests']?.details as
      { items?: { resourceType?: string; transferSize?: number }[] } | undefined) ?? {};
  const scriptBytes = (requests.items ?? [])
    .filter((r) => r.resourceType === 'Script')
    .reduce((s, r) => s + (r.transferSize ?? 0), 0);
  const unused =
    (lhr.audits['unused-javascript']?.details as { overallSavingsBytes?: number } | undefined)
      ?.overallSavingsBytes ?? 0;
  const failed = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter(
        (a) =>
          a !== undefined &&
          a.score !== null &&
          a.score < 0.9 &&
          a.scoreDisplayMode !== 'informative' &&
          a.scoreDisplayMode !== 'manual' &&
          a.scoreDisplayMode !== 'notApplicable',
      )
      .map((a) => `${c}: ${a?.id ?? ''}`),
  );
  return {
    page,
    path,
    scores,
    performanceRuns: runs.map(performance),
    fcpMs: numeric(lhr, 'first-contentful-paint'),
    lcpMs: numeric(lhr, 'largest-contentful-paint'),
    tbtMs: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    speedIndexMs: numeric(lhr, 'speed-index'),
    transferredKiB: numeric(lhr, 'total-byte-weight') / 1024,
    scriptKiB: scriptBytes / 1024,
    unusedJsKiB: unused / 1024,
    failed,
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

/** One Lighthouse run of `url` in a fresh Chromium (its own profile: no service worker, no
 * cache, no IndexedDB from an earlier run). */
async function audit(url: string): Promise<Lhr> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, `--remote-debugging-port=${String(DEBUG_PORT)}`],
  });
  try {
    const result = await lighthouse(url, {
      port: DEBUG_PORT,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const error = result.lhr.runtimeError;
    if (error) throw new Error(`Lighthouse: ${error.code} ${error.message}`);
    return result.lhr;
  } finally {
    await browser.close();
  }
}

/** Audits the welcome screen and a public item card; returns one summary per page. */
export async function benchLighthouse(): Promise<LighthousePage[]> {
  buildPwa();
  const dataDir = mkdtempSync(join(tmpdir(), 'bewaar-lighthouse-'));
  const server = await startServerProcess({ port: PORT, staticDir: 'dist', dataDir });
  try {
    // The projection the card is read from is caught up by the first card request.
    const pages = [{ page: 'welcome screen', path: '/' }];
    await fetch(`${ORIGIN}/api/v1/public/items/BW0000000000`);
    pages.push({ page: 'public item card', path: `/i/${forSaleCode(dataDir)}` });
    const out: LighthousePage[] = [];
    for (const { page, path } of pages) {
      const runs: Lhr[] = [];
      for (let i = 0; i < benchRuns(3); i++) runs.push(await audit(`${ORIGIN}${path}`));
      out.push(summarise(page, path, runs));
    }
    return out;
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const kib = (n: number) => n.toFixed(0);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** The BENCHMARKS.md table of a Lighthouse result. */
export function lighthouseMarkdown(pages: readonly LighthousePage[]): string {
  const rows = pages
    .map(
      (p) =>
        `| ${p.page} | ${p.scores.performance} (${p.performanceRuns.join(', ')}) | ${p.scores.accessibility} | ${p.scores['best-practices']} | ${p.scores.seo} | ${(p.fcpMs / 1000).toFixed(1)} s | ${(p.lcpMs / 1000).toFixed(1)} s | ${p.tbtMs.toFixed(0)} ms | ${p.cls.toFixed(3)} | ${kib(p.transferredKiB)} KiB | ${kib(p.scriptKiB)} KiB | ${kib(p.unusedJsKiB)} KiB | ${p.benchmarkIndex.toFixed(0)} |`,
    )
    .join('\n');
  const targets = pages
    .map(
      (p) =>
        `${p.page}: performance ≥ 90 ${verdict(p.scores.performance >= 90)}, CLS < 0.1 ${verdict(p.cls < 0.1)}, best practices 100 ${verdict(p.scores['best-practices'] === 100)}, accessibility 100 ${verdict(p.scores.accessibility === 100)}.`,
    )
    .join(' ');
  const failed = pages
    .filter((p) => p.failed.length > 0)
    .map((p) => `${p.page}: ${p.failed.map((f) => `\`${f}\``).join(', ')}`)
    .join('; ');
  return `| page | performance (each run) | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | transferred | of it scripts | unused JS | CPU index |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
${rows}

Targets — ${targets}

Accessibility, best-practice and SEO audits that failed in the recorded run: ${failed || 'none'}.`;
}

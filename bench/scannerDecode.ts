// The scanner's decoders side by side in Chromium, on one set of generated frames (see
// bench/scannerFrames.ts): html5-qrcode's built-in zxing-js decoder, as the app's camera scanner
// runs it today, and the `barcode-detector` polyfill (ZXing-C++ compiled to WebAssembly) through
// html5-qrcode's own BarcodeDetector delegate. The .wasm is served locally next to the page.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundle, launchFreshProfile, percentile, spread, type Spread } from './lib';
import { FRAME_KINDS, HEIGHT, makeFrames, WIDTH } from './scannerFrames';

const WASM = new URL('../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm', import.meta.url);

/** What the polyfill would add to the app: its script (minified, gzip) and the .wasm. */
async function polyfillCost() {
  const out = await build({
    stdin: { contents: "import 'barcode-detector/polyfill';", resolveDir: process.cwd() },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'warning',
  });
  const js = Buffer.from(out.outputFiles[0]?.text ?? '');
  const wasm = readFileSync(WASM);
  const kb = (n: number) => Math.round(n / 102.4) / 10;
  return {
    scriptKB: kb(js.length),
    scriptGzipKB: kb(gzipSync(js, { level: 9 }).length),
    wasmKB: kb(wasm.length),
    wasmGzipKB: kb(gzipSync(wasm, { level: 9 }).length),
  };
}

export interface KindRow {
  kind: string;
  decoder: string;
  frames: number;
  decoded: number;
  successRate: number;
  /** ms per frame, over every decode of the kind in every run. */
  medianMs: number;
  p95Ms: number;
  /** Per run: the median ms per frame of the kind. */
  perRun: Spread;
}

/** Decodes `perKind` frames of every kind `runs` times with both decoders. */
export async function benchScannerDecode(perKind: number, runs: number) {
  const frames = makeFrames(perKind);
  const luma = Buffer.concat(frames.map((f) => f.luma));
  const page = await bundle('./browser/scannerPage.ts');
  const wasm = readFileSync(WASM);
  const files: Record<string, { type: string; body: string | Buffer }> = {
    '/': {
      type: 'text/html; charset=utf-8',
      body: '<!doctype html><meta charset="utf-8"><title>scan</title><script type="module" src="/scan.js"></script>',
    },
    '/scan.js': { type: 'text/javascript; charset=utf-8', body: page },
    '/zxing_reader.wasm': { type: 'application/wasm', body: wasm },
    '/frames.bin': { type: 'application/octet-stream', body: luma },
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader('content-type', file.type);
    res.end(file.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = await launchFreshProfile({ width: 800, height: 600 });
  try {
    const tab = await profile.context.newPage();
    await tab.goto(origin);
    await tab.waitForFunction(() => window.benchScan !== undefined);
    const result = await tab.evaluate(
      ([count, w, h, texts, n]) => {
        const scan = window.benchScan;
        if (!scan) throw new Error('page not ready');
        return scan(count, w, h, texts, n);
      },
      [frames.length, WIDTH, HEIGHT, frames.map((f) => f.text), runs] as const,
    );
    const rows: KindRow[] = [];
    const kinds = [...FRAME_KINDS.map((k) => k.name), 'all frames'];
    for (const [decoder, outcomes] of Object.entries(result.outcomes)) {
      for (const kind of kinds) {
        const inKind = (f: number) => kind === 'all frames' || frames[f]?.kind === kind;
        const perRunMedians: number[] = [];
        const all: number[] = [];
        let decoded = 0;
        let total = 0;
        for (let r = 0; r < runs; r++) {
          const times: number[] = [];
          for (let f = 0; f < frames.length; f++) {
            const o = outcomes[r * frames.length + f];
            if (!o || !inKind(f)) continue;
            times.push(o.ms);
            all.push(o.ms);
            total++;
            if (o.ok) decoded++;
          }
          perRunMedians.push(spread(times).median);
        }
        const sorted = all.sort((a, b) => a - b);
        rows.push({
          kind,
          decoder,
          frames: total / runs,
          decoded: decoded / runs,
          successRate: decoded / total,
          medianMs: spread(sorted).median,
          p95Ms: percentile(sorted, 95),
          perRun: { ...spread(perRunMedians), runs: perRunMedians },
        });
      }
    }
    return { perKind, runs, rows, coldMs: result.coldMs, polyfill: await polyfillCost() };
  } finally {
    await profile.close();
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
}

/** One table: per frame kind, success and ms per frame for each decoder. */
export function scannerMarkdown(result: Awaited<ReturnType<typeof benchScannerDecode>>) {
  const decoders = [...new Set(result.rows.map((r) => r.decoder))];
  const kinds = [...new Set(result.rows.map((r) => r.kind))];
  const head = decoders.map((d) => `${d}: decoded | ms/frame median (runs min–max) | p95`);
  const lines = [
    `| frames (640×480) | ${head.join(' | ')} |`,
    `|---|${decoders.map(() => '---|---|---').join('|')}|`,
  ];
  for (const kind of kinds) {
    const cells = decoders.map((d) => {
      const r = result.rows.find((x) => x.kind === kind && x.decoder === d);
      if (!r) return '— | — | —';
      const pct = `${r.decoded}/${r.frames} (${(r.successRate * 100).toFixed(0)} %)`;
      const msCell = `${r.medianMs.toFixed(1)} (${r.perRun.min.toFixed(1)}–${r.perRun.max.toFixed(1)})`;
      return `${kind === 'all frames' ? `**${pct}**` : pct} | ${msCell} | ${r.p95Ms.toFixed(1)}`;
    });
    lines.push(`| ${kind === 'all frames' ? '**all frames**' : kind} | ${cells.join(' | ')} |`);
  }
  const cold = Object.entries(result.coldMs)
    .map(([d, v]) => `${d} ${v.toFixed(0)} ms`)
    .join('; ');
  const p = result.polyfill;
  lines.push(
    '',
    `${result.perKind} frames of each kind, each a different label; every frame decoded ${result.runs} times by each decoder (in turn, frame by frame). First decode on a fresh page (the polyfill fetches and compiles its .wasm then): ${cold}. What the polyfill adds: script ${p.scriptKB} KB (${p.scriptGzipKB} KB gzip), \`zxing_reader.wasm\` ${p.wasmKB} KB (${p.wasmGzipKB} KB gzip).`,
  );
  return lines.join('\n');
}

// `npm run bench`: every benchmark, against a fresh production build. One name runs one bench:
// npm run bench -- intake-save | bundle-size | sync-server | fresh-device | scan-to-card |
//                  pouch-sync | scanner-decode
import os from 'node:os';
import { benchBundleSize } from './bundleSize';
import { benchFreshDevice } from './freshDevice';
import { benchIntakeSave } from './intakeSave';
import { benchRuns, buildPwa, machine, record, servePwa } from './lib';
import { benchPouchChromiumAll, benchPouchNode, pouchSyncMarkdown } from './pouchSync';
import { runScanToCard } from './scanToCard';
import { benchScannerDecode, scannerMarkdown } from './scannerDecode';
import { benchSyncServer } from './syncServer';

const only = process.argv[2];
const wanted = (name: string) => !only || only === name;
const f = (n: number, digits = 0) => n.toFixed(digits);

if (wanted('bundle-size') || wanted('intake-save')) {
  const stop = await servePwa();
  try {
    if (wanted('bundle-size')) console.info('bundle-size', await benchBundleSize());
    if (wanted('intake-save')) {
      console.info('intake-save', await benchIntakeSave(Number(process.env.BENCH_SAVES ?? 500)));
    }
  } finally {
    stop();
  }
}

if (wanted('sync-server')) {
  const r = await benchSyncServer();
  const m = machine();
  record(
    'sync-server',
    { ...r, machine: m, measuredAt: new Date().toISOString() },
    `| store | push 10,000 (batches of 500) | push events/s | pull 10,000 to a fresh device (pages of 1000) | pull events/s |
|---|---|---|---|---|
| SQLite | ${f(r.sqlitePushPull.pushMs)} ms | ${f(r.sqlitePushPull.pushPerS)} | ${f(r.sqlitePushPull.pullMs)} ms | ${f(r.sqlitePushPull.pullPerS)} |
| PostgreSQL | ${f(r.postgresPushPull.pushMs)} ms | ${f(r.postgresPushPull.pushPerS)} | ${f(r.postgresPushPull.pullMs)} ms | ${f(r.postgresPushPull.pullPerS)} |

| store | devices | duration | requests/s | p50 | p95 | p99 |
|---|---|---|---|---|---|---|
| SQLite | ${r.sqliteLoad.devices} | ${r.sqliteLoad.seconds} s | ${f(r.sqliteLoad.perS)} | ${f(r.sqliteLoad.p50, 1)} ms | ${f(r.sqliteLoad.p95, 1)} ms | ${f(r.sqliteLoad.p99, 1)} ms |
| PostgreSQL | ${r.postgresLoad.devices} | ${r.postgresLoad.seconds} s | ${f(r.postgresLoad.perS)} | ${f(r.postgresLoad.p50, 1)} ms | ${f(r.postgresLoad.p95, 1)} ms | ${f(r.postgresLoad.p99, 1)} ms |

Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}. Measured ${new Date().toISOString()}.`,
  );
  console.info('sync-server', JSON.stringify(r));
}

if (wanted('scan-to-card')) {
  buildPwa();
  await runScanToCard();
}

if (wanted('fresh-device')) {
  buildPwa();
  const r = await benchFreshDevice(50_000);
  const m = machine();
  record(
    'fresh-device',
    { ...r, machine: m, measuredAt: new Date().toISOString() },
    `| events on the server | items | enrolled → all stored and folded | events/s | target |
|---|---|---|---|---|
| ${r.events} | ${r.items} | ${f(r.ms / 1000, 1)} s | ${f(r.eventsPerS)} | < 15 s: **${r.ms < 15_000 ? 'met' : 'missed'}** |

Machine: ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.chromium}. Measured ${new Date().toISOString()}.`,
  );
  console.info('fresh-device', JSON.stringify(r));
}
const sizes = (name: string, fallback: string) =>
  (process.env[name] ?? fallback).split(',').filter(Boolean).map(Number);
const loadText = (load: number[]) => load.map((l) => l.toFixed(1)).join(' / ');
/** The machine, and its load average (1/5/15 min) before and after: the machine is shared, and
 * other work running at the same time slows both sides of a comparison. */
const machineLine = (m: ReturnType<typeof machine>, before: number[]) =>
  `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, ${m.chromium}; load average ${loadText(before)} before, ${loadText(os.loadavg())} after. Measured ${new Date().toISOString()}.`;

if (wanted('pouch-sync')) {
  const load = os.loadavg();
  const runs = benchRuns();
  const nodeSizes = sizes('BENCH_POUCH_NODE_SIZES', '10000,50000');
  const chromiumSizes = sizes('BENCH_POUCH_CHROMIUM_SIZES', '10000');
  const started = performance.now();
  if (chromiumSizes.length > 0) buildPwa();
  console.info('pouch-sync: Node');
  const nodeRows = await benchPouchNode(nodeSizes, runs);
  console.info('pouch-sync: Chromium');
  const chromiumRows = await benchPouchChromiumAll(chromiumSizes, runs);
  const m = machine();
  const seconds = (performance.now() - started) / 1000;
  record(
    'pouch-sync',
    {
      runs,
      nodeRows,
      chromiumRows,
      seconds,
      machine: m,
      load,
      loadAfter: os.loadavg(),
      measuredAt: new Date().toISOString(),
    },
    `${pouchSyncMarkdown(nodeRows, chromiumRows)}

${runs} runs of each. ${machineLine(m, load)} Whole command: ${seconds.toFixed(0)} s.`,
  );
  console.info('pouch-sync', `${seconds.toFixed(0)} s`);
}

if (wanted('scanner-decode')) {
  const load = os.loadavg();
  const runs = benchRuns();
  const started = performance.now();
  const r = await benchScannerDecode(Number(process.env.BENCH_FRAMES_PER_KIND ?? 40), runs);
  const m = machine();
  const seconds = (performance.now() - started) / 1000;
  record(
    'scanner-decode',
    {
      ...r,
      seconds,
      machine: m,
      load,
      loadAfter: os.loadavg(),
      measuredAt: new Date().toISOString(),
    },
    `${scannerMarkdown(r)}

${machineLine(m, load)} Whole command: ${seconds.toFixed(0)} s.`,
  );
  console.info('scanner-decode', `${seconds.toFixed(0)} s`);
}

// The embedded PostgreSQL's client pool may still hold sockets; the work is done.
process.exit(0);

// Where the milliseconds of save → visible go: the intake-save bench's saves, under Chromium's
// tracing, split into the renderer's main thread at work (script, style and layout, paint, GC),
// the main thread waiting (IndexedDB, mostly), and what the IndexedDB backend did meanwhile.
// A diagnostic, not a target: `npm run bench -- intake-save-trace` (BENCH_TRACE_ITEMS, default
// `0,20000`; BENCH_TRACE_SAVES, default 30). The trace of each size is kept in
// .tmp/trace-intake-save-<items>.json.gz (not committed: megabytes) for the Performance panel.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { CDPSession } from 'playwright-core';
import { generateCode } from '../src/domain';
import { setUpTablet } from './device';
import { seedTenant, waitForStore } from './freshDevice';
import { openCage, saveOnce } from './intakeSave';
import { launchFreshProfile, percentile } from './lib';
import { startServer } from './syncServer';

const newCode = (kind: 'item' | 'cage') =>
  generateCode(kind, (n) => new Uint8Array(randomBytes(n)));

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'blink.user_timing',
  'IndexedDB',
  'v8.execute',
  'toplevel',
  'disabled-by-default-v8.cpu_profiler',
  'v8',
  'disabled-by-default-v8.gc',
].join(',');

async function trace(session: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (d) => {
    events.push(...(d.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((ok) =>
    session.once('Tracing.tracingComplete', () => {
      ok();
    }),
  );
  await session.send('Tracing.start', {
    categories: CATEGORIES,
    transferMode: 'ReportEvents',
  } as never);
  await during();
  await session.send('Tracing.end');
  await done;
  return events;
}

/** Bundle positions (chunk URL, 0-based line and column) to source files, via the build's maps. */
function sourceOf(dist: string) {
  const maps = new Map<string, TraceMap | null>();
  return (url: string, line: number, column: number): { source: string; line: number } => {
    const path = new URL(url).pathname;
    if (!maps.has(path)) {
      try {
        maps.set(path, new TraceMap(readFileSync(join(dist, `${path}.map`), 'utf8')));
      } catch {
        maps.set(path, null);
      }
    }
    const map = maps.get(path);
    if (!map) return { source: path, line };
    const found = originalPositionFor(map, { line: line + 1, column });
    return { source: found.source ?? path, line: found.line ?? 0 };
  };
}

/** The bucket a source file counts under. */
function bucketOf(source: string): string {
  if (/node_modules\/(react-dom|scheduler)\//.test(source)) return 'React (react-dom)';
  if (/node_modules\/(dexie|dexie-react-hooks)\//.test(source)) return 'Dexie';
  if (/node_modules\/zod\//.test(source)) return 'zod';
  if (/node_modules\//.test(source))
    return `lib ${/node_modules\/((@[^/]+\/)?[^/]+)/.exec(source)?.[1]}`;
  const m = /src\/(.+)$/.exec(source);
  return m ? `app src/${m[1]}` : source;
}

interface SaveBreakdown {
  totalMs: number;
  /** The renderer's main thread at work (outermost tasks), by what started the task. */
  tasks: Record<string, number>;
  /** Main thread idle within the window (waiting on IndexedDB, timers, the next frame). */
  idleMs: number;
  /** Main-thread time by where it was spent (CPU profiler samples, leaf frame). */
  leaf: Record<string, number>;
  /** The same samples by the nearest app function on the stack (what asked for the work). */
  caller: Record<string, number>;
  /** IndexedDB backend (browser process) time overlapping the window, by operation. */
  idb: Record<string, number>;
  /** The tasks in order: start (ms after the tap), duration, kind, top callers. */
  timeline: string[];
}

const TASK_KINDS: [RegExp, string][] = [
  [/^EventDispatch$/, 'input event (the tap)'],
  [
    /^(IDBRequest::SendResult|IDBTransaction::onComplete|IDBTransaction::dispatchEvent)$/,
    'IndexedDB result',
  ],
  [/^TimerFire$/, 'timer'],
  [
    /^(FireAnimationFrame|Paint|PrePaint|Layout|UpdateLayoutTree|Commit)$/,
    'frame (rAF, style, layout, paint)',
  ],
  [/^(v8\.callFunction|FunctionCall|RunMicrotasks)$/, 'message / microtasks'],
];

function analyse(events: TraceEvent[], source: ReturnType<typeof sourceOf>): SaveBreakdown[] {
  const marks = events.filter((e) => e.cat.includes('blink.user_timing'));
  const starts = marks.filter((e) => e.name === 'bench-save-start').sort((a, b) => a.ts - b.ts);
  const ends = marks.filter((e) => e.name === 'bench-save-visible').sort((a, b) => a.ts - b.ts);
  const pid = starts[0]?.pid;
  const mainTid = events.find(
    (e) => e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )?.tid;
  const main = events
    .filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks: TraceEvent[] = [];
  for (const e of main) {
    if (e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask') continue;
    const last = tasks.at(-1);
    if (last && e.ts < last.ts + (last.dur ?? 0)) continue;
    tasks.push(e);
  }
  // CPU profile samples of the renderer: ProfileChunk events carry nodes and time deltas.
  const nodes = new Map<
    number,
    { url?: string; line: number; column: number; name: string; parent?: number }
  >();
  const samples: { ts: number; node: number }[] = [];
  let profileTs = 0;
  for (const e of events.filter((x) => x.pid === pid).sort((a, b) => a.ts - b.ts)) {
    if (e.name === 'Profile') profileTs = (e.args?.data as { startTime: number }).startTime;
    if (e.name !== 'ProfileChunk') continue;
    const data = e.args?.data as {
      cpuProfile?: {
        nodes?: {
          id: number;
          parent?: number;
          callFrame: {
            url?: string;
            lineNumber?: number;
            columnNumber?: number;
            functionName: string;
          };
        }[];
        samples?: number[];
      };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile?.nodes ?? []) {
      nodes.set(n.id, {
        url: n.callFrame.url,
        line: n.callFrame.lineNumber ?? 0,
        column: n.callFrame.columnNumber ?? 0,
        name: n.callFrame.functionName,
        parent: n.parent,
      });
    }
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    ids.forEach((id, i) => {
      profileTs += deltas[i] ?? 0;
      samples.push({ ts: profileTs, node: id });
    });
  }
  const names = new Map<number, { leaf: string; caller: string }>();
  const describe = (id: number) => {
    const known = names.get(id);
    if (known) return known;
    const node = nodes.get(id);
    let leaf = node?.name || '(native)';
    if (node?.url?.startsWith('http'))
      leaf = bucketOf(source(node.url, node.line, node.column).source);
    else if (node && !node.url && node.name && !node.name.startsWith('('))
      leaf = `native ${node.name}`;
    let caller = '(no app frame)';
    for (let at: number | undefined = id; at !== undefined; at = nodes.get(at)?.parent) {
      const n = nodes.get(at);
      if (!n?.url?.startsWith('http')) continue;
      const found = source(n.url, n.line, n.column);
      if (/\/src\//.test(found.source) && !/node_modules/.test(found.source)) {
        caller = `${found.source.replace(/^.*\/src\//, 'src/')}:${found.line}`;
        break;
      }
    }
    const result = { leaf, caller };
    names.set(id, result);
    return result;
  };
  const idbEvents = events.filter(
    (e) => e.cat.includes('IndexedDB') && e.ph === 'X' && e.pid !== pid,
  );
  const out: SaveBreakdown[] = [];
  starts.forEach((start, i) => {
    const end = ends.find((e) => e.ts > start.ts);
    if (!end || end.ts > (starts[i + 1]?.ts ?? Infinity)) return;
    const from = start.ts;
    const to = end.ts;
    const clip = (e: TraceEvent) =>
      Math.max(0, Math.min(to, e.ts + (e.dur ?? 0)) - Math.max(from, e.ts)) / 1000;
    const inWindow = (e: TraceEvent) => e.ts < to && e.ts + (e.dur ?? 0) > from;
    const busy = tasks.filter(inWindow);
    const taskMs = busy.reduce((s, e) => s + clip(e), 0);
    const byKind: Record<string, number> = {};
    const timeline: string[] = [];
    const leaf: Record<string, number> = {};
    const caller: Record<string, number> = {};
    const inSamples = samples.filter((s) => s.ts >= from && s.ts < to);
    for (const task of busy) {
      const end = task.ts + (task.dur ?? 0);
      const inside = main.filter((e) => e.ts >= task.ts && e.ts < end);
      const kind = TASK_KINDS.find(([re]) => inside.some((e) => re.test(e.name)))?.[1] ?? 'other';
      byKind[kind] = (byKind[kind] ?? 0) + clip(task);
      const callers: Record<string, number> = {};
      inSamples.forEach((sample, k) => {
        if (sample.ts < task.ts || sample.ts >= end) return;
        const ms = ((inSamples[k + 1]?.ts ?? to) - sample.ts) / 1000;
        const d = describe(sample.node);
        if (d.leaf === '(idle)') return;
        leaf[d.leaf] = (leaf[d.leaf] ?? 0) + ms;
        caller[d.caller] = (caller[d.caller] ?? 0) + ms;
        const key = d.caller === '(no app frame)' ? d.leaf : d.caller;
        callers[key] = (callers[key] ?? 0) + ms;
      });
      if (clip(task) >= 1) {
        const top = Object.entries(callers)
          .sort(([, a], [, b]) => b - a)
          .slice(0, 4)
          .map(([k, v]) => `${k} ${v.toFixed(1)}`)
          .join('; ');
        timeline.push(
          `${((task.ts - from) / 1000).toFixed(1).padStart(6)} ms +${clip(task).toFixed(1).padStart(5)} ms  ${kind}  [${top}]`,
        );
      }
    }
    const idb: Record<string, number> = {};
    for (const e of idbEvents.filter(inWindow)) idb[e.name] = (idb[e.name] ?? 0) + clip(e);
    out.push({
      totalMs: (to - from) / 1000,
      tasks: byKind,
      idleMs: (to - from) / 1000 - taskMs,
      leaf,
      caller,
      idb,
      timeline,
    });
  });
  return out;
}

const top = (r: Record<string, number>, n: number) =>
  Object.fromEntries(
    Object.entries(r)
      .filter(([, v]) => v >= 0.05)
      .slice(0, n)
      .map(([k, v]) => [k, Math.round(v * 10) / 10]),
  );

/** Median of each key over the saves. */
function medians(rows: Record<string, number>[]): Record<string, number> {
  const keys = new Set(rows.flatMap((r) => Object.keys(r)));
  const result: Record<string, number> = {};
  for (const key of keys) {
    const values = rows.map((r) => r[key] ?? 0).sort((a, b) => a - b);
    result[key] = percentile(values, 50);
  }
  return Object.fromEntries(Object.entries(result).sort(([, a], [, b]) => b - a));
}

export async function traceIntakeSave(items: number, saves: number, dist = resolve('dist')) {
  const dir = mkdtempSync(join(tmpdir(), 'bewaar-trace-'));
  const server = await startServer({ kind: 'sqlite', file: join(dir, 'trace.sqlite') }, dist);
  const profile = await launchFreshProfile({ width: 1280, height: 800 });
  try {
    const seeded = await seedTenant(server.base, items * 2 + Math.ceil(items / 40));
    const page = await profile.context.newPage();
    await setUpTablet(page, server.base, newCode('cage'));
    await waitForStore(page, seeded.events, seeded.items.length);
    for (let i = 0; i < 20; i++) await saveOnce(page, newCode('item'));
    await openCage(page, newCode('cage'));
    const session = await profile.context.newCDPSession(page);
    const times: number[] = [];
    const events = await trace(session, async () => {
      for (let i = 0; i < saves; i++) times.push(await saveOnce(page, newCode('item')));
    });
    mkdirSync(new URL('../.tmp/', import.meta.url), { recursive: true });
    writeFileSync(
      new URL(`../.tmp/trace-intake-save-${items}.json.gz`, import.meta.url),
      gzipSync(JSON.stringify({ traceEvents: events })),
    );
    const rows = analyse(events, sourceOf(dist));
    return {
      items: seeded.items.length,
      saves: times.length,
      benchMedianMs: percentile(
        [...times].sort((a, b) => a - b),
        50,
      ),
      windowMedianMs: percentile(
        rows.map((r) => r.totalMs).sort((a, b) => a - b),
        50,
      ),
      tasks: medians(rows.map((r) => r.tasks)),
      idleMs: percentile(
        rows.map((r) => r.idleMs).sort((a, b) => a - b),
        50,
      ),
      leaf: top(medians(rows.map((r) => r.leaf)), 15),
      caller: top(medians(rows.map((r) => r.caller)), 20),
      idb: top(medians(rows.map((r) => r.idb)), 12),
      // The save nearest the median, task by task.
      medianSave: [...rows].sort((a, b) => a.totalMs - b.totalMs)[Math.floor(rows.length / 2)],
    };
  } finally {
    await profile.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

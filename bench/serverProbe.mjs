// A probe to load into a server the load benches start, for finding where its time goes:
//   BENCH_PROBE_NODE_ARGS="--import ./bench/serverProbe.mjs" BENCH_PROBE_OUT=/tmp/probe \
//     npm run bench -- server-load-flanders
// Every 5 s it appends one JSON line to `<BENCH_PROBE_OUT>-<pid>.jsonl`: the process's CPU so
// far, its event loop's busy share and delay (ms beyond the 10 ms timer) over those 5 s, how long
// requests waited for a connection of the pg pool (count, total and longest ms so far), and per
// SQL text how many queries were sent and their total time from call to answer (ms). Subtract
// two lines to get a window. The server's code is untouched: pg's Client and Pool are wrapped.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const pg = require('pg');
const out = `${process.env.BENCH_PROBE_OUT ?? '/tmp/bewaar-probe'}-${String(process.pid)}.jsonl`;

const statements = {};
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  const text = typeof config === 'string' ? config : (config?.text ?? '?');
  const key = text.replace(/\s+/g, ' ').slice(0, 100);
  const s = (statements[key] ??= { n: 0, ms: 0 });
  s.n++;
  const started = performance.now();
  const result = query.call(this, config, values, callback);
  if (typeof result?.then === 'function') {
    result.then(
      () => {
        s.ms += performance.now() - started;
      },
      () => undefined,
    );
  }
  return result;
};

const pool = { n: 0, ms: 0, max: 0 };
const connect = pg.Pool.prototype.connect;
pg.Pool.prototype.connect = function (callback) {
  const started = performance.now();
  const result = connect.call(this, callback);
  if (typeof result?.then === 'function') {
    result.then(
      () => {
        const waited = performance.now() - started;
        pool.n++;
        pool.ms += waited;
        pool.max = Math.max(pool.max, waited);
      },
      () => undefined,
    );
  }
  return result;
};

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let busy = performance.eventLoopUtilization();
setInterval(() => {
  const utilization = performance.eventLoopUtilization(busy).utilization;
  busy = performance.eventLoopUtilization();
  const ms = (ns) => Math.max(0, ns / 1e6 - 10);
  appendFileSync(
    out,
    `${JSON.stringify({
      t: Date.now(),
      cpu: process.cpuUsage(),
      utilization,
      loopDelay: {
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
      },
      pool,
      statements,
    })}\n`,
  );
  delay.reset();
}, 5000).unref();

// `node --import tsx bench/loadServerProcess.ts <devices,…> <seconds>`: benchLoadServer in a
// process of its own, its result as JSON on the last line of stdout. In a whole `npm run bench`
// the load generator used about twice the CPU for the same load (0.8 cores instead of 0.35–0.45)
// after the benches before it had filled the bench process's heap, and so slowed the server it
// shares the two cores with; a fresh process measures the server, not the harness.
// `… loadServerProcess.ts flanders <devices> <tenants> <paceMs> <seconds>`: the same for
// benchLoadFlanders.
import { benchLoadFlanders } from './loadFlanders';
import { benchLoadServer } from './loadServer';

const args = process.argv.slice(2);
let result: unknown;
if (args[0] === 'flanders') {
  const [devices, tenants, paceMs, seconds] = args.slice(1).map(Number);
  // Probes, to find where the time goes: BENCH_PROBE_NODE_ARGS (the servers' Node flags, e.g.
  // `--cpu-prof --cpu-prof-dir=/tmp/prof`) and BENCH_PROBE_ACTIVITY=1 (PostgreSQL's connections
  // sampled); the result then carries `activity`.
  const nodeArgs = process.env.BENCH_PROBE_NODE_ARGS?.split(' ').filter(Boolean);
  result = await benchLoadFlanders(
    {
      devices: devices ?? 1000,
      tenants: tenants ?? 25,
      paceMs: paceMs ?? 5000,
      seconds: seconds ?? 60,
    },
    {
      ...(nodeArgs === undefined ? {} : { serverNodeArgs: nodeArgs }),
      activity: process.env.BENCH_PROBE_ACTIVITY === '1',
    },
  );
} else {
  const [counts = '50,200', seconds = '8'] = args;
  result = await benchLoadServer(counts.split(',').filter(Boolean).map(Number), Number(seconds));
}
process.stdout.write(`\n${JSON.stringify(result)}\n`);
process.exit(0);

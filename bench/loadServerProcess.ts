// `node --import tsx bench/loadServerProcess.ts <devices,…> <seconds>`: benchLoadServer in a
// process of its own, its result as JSON on the last line of stdout. In a whole `npm run bench`
// the load generator used about twice the CPU for the same load (0.8 cores instead of 0.35–0.45)
// after the benches before it had filled the bench process's heap, and so slowed the server it
// shares the two cores with; a fresh process measures the server, not the harness.
import { benchLoadServer } from './loadServer';

const [counts = '50,200', seconds = '8'] = process.argv.slice(2);
const result = await benchLoadServer(
  counts.split(',').filter(Boolean).map(Number),
  Number(seconds),
);
process.stdout.write(`\n${JSON.stringify(result)}\n`);
process.exit(0);

// The export worker thread's entry: lowers the thread's priority, then loads exportWorker.ts
// through tsx, as the server's own TypeScript is loaded. Plain JavaScript, since a worker thread
// starts without the loader its parent was given: `--import tsx` in a worker's execArgv did not
// reliably reach the worker's first import on Node 20, and under vitest the parent's transform
// never reaches a worker.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { tsImport } from 'tsx/esm/api';

// Exports are background work. On Linux each thread has its own nice value, so this thread (and
// the threads it starts, such as the module loader's) gives the CPU to the event loop and the
// database whenever cores are short: on a busy 2-core machine, at the same priority, the event
// loop was at times off the CPU for 0.1–0.3 s while a workbook was made. Set before anything is
// loaded: loading takes about a second of CPU too. Elsewhere (or if not allowed) nothing changes.
try {
  const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
  if (Number.isInteger(thread) && thread > 0) setPriority(thread, 10);
} catch {
  // not Linux: the same priority as the server
}

await tsImport('./exportWorker.ts', import.meta.url);

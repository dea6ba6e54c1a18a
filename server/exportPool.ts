// A few worker threads that make the export files (exportWorker.ts), so a year's workbook — half a
// second of CPU over a few thousand items, far more over a big region — never holds up the event
// loop that answers every other request. Exports wait in a bounded queue when every worker is
// busy. Stores nothing: an export's data is held here only until its worker has it.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FigureItem } from '../src/domain/index';
import { ApiError } from './errors';
import type { CafeData, ExportSpec } from './exportFiles';
import type { FromWorker, ToWorker } from './exportWorker';

export interface ExportPoolOptions {
  /** Worker threads (default: one core is left to the event loop and the store; 1 or 2). */
  workers?: number;
  /** Exports that may wait for a worker (default 16); one more is refused with 503 busy. */
  queue?: number;
}

export interface ExportData {
  items: readonly FigureItem[];
  /** The items' stored events as JSON (trace.csv only): parsed in the worker, not here. */
  eventBodies?: readonly string[];
  /** The regions' repair café days (ords.csv, items.xlsx): sent to the worker in one message. */
  cafe?: CafeData;
}

export interface ExportJob {
  spec: ExportSpec;
  /** Reads the export's data, once a worker is free for it: an export waiting in the queue holds
   * none, and a burst of requests does not read a region's items for each at once. */
  load: () => Promise<ExportData>;
}

export interface ExportPool {
  /** The file's bytes, made by a worker; 503 when the queue is full or the pool is closing. An
   * export still waiting when `signal` aborts (its client went away) is dropped. */
  run: (job: ExportJob, signal?: AbortSignal) => Promise<Buffer>;
  /** Refuses what waits, stops the workers (an export they were making fails with 503). */
  close: () => Promise<void>;
}

export const DEFAULT_EXPORT_QUEUE = 16;

/** Workers by default: the cores but one, so the event loop keeps a core, at least 1, at most 2
 * (exports are rare; each worker holds a region's export in memory while it runs). */
export function defaultExportWorkers(): number {
  return Math.max(1, Math.min(2, availableParallelism() - 1));
}

// Items per message: cloning one takes about 10 µs on the event loop, so a slice of 500 holds it
// for ~5 ms, and other requests run between slices rather than after a whole year's clone.
const ITEM_SLICE = 500;
const EVENT_SLICE = 5000;

const WORKER_START = new URL('./exportWorkerStart.mjs', import.meta.url);

const busy = () =>
  new ApiError(
    503,
    'busy',
    'The server is making as many exports as it can; try again in half a minute.',
  );
const closing = () =>
  new ApiError(503, 'unavailable', 'The server is shutting down; try again in a minute.');

interface Job {
  input: ExportJob;
  resolve: (bytes: Buffer) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

export function createExportPool(options: ExportPoolOptions = {}): ExportPool {
  const size = Math.max(1, options.workers ?? defaultExportWorkers());
  const limit = Math.max(0, options.queue ?? DEFAULT_EXPORT_QUEUE);
  const slots = new Set<Slot>();
  const waiting: Job[] = [];
  let closed = false;

  const finish = (slot: Slot) => {
    slot.job = null;
    const next = closed ? undefined : waiting.shift();
    if (next) start(slot, next);
    // An idle worker must not keep the process alive (a script that never closes its app).
    else slot.worker.unref();
  };

  const lose = (slot: Slot, error: Error) => {
    if (!slots.delete(slot)) return;
    const job = slot.job;
    slot.job = null;
    job?.reject(closed ? closing() : error);
    // Whatever waited for this worker gets a new one.
    const next = closed ? undefined : waiting.shift();
    if (next) start(spawn(), next);
  };

  function spawn(): Slot {
    const worker = new Worker(WORKER_START, { name: 'bewaar-export' });
    const slot: Slot = { worker, job: null };
    slots.add(slot);
    worker.on('message', (message: FromWorker) => {
      const job = slot.job;
      if (job === null) return;
      if (message.type === 'made') {
        const { buffer, byteOffset, byteLength } = message.bytes;
        job.resolve(Buffer.from(buffer, byteOffset, byteLength));
      } else {
        job.reject(new Error(`An export failed in its worker: ${message.message}`));
      }
      finish(slot);
    });
    // A worker that throws (or cannot start) exits: its export fails, the next gets a new one.
    worker.on('error', (error) => {
      lose(slot, error);
    });
    worker.on('exit', (code) => {
      lose(slot, new Error(`An export worker stopped (exit code ${code}).`));
    });
    return slot;
  }

  function start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.worker.ref();
    void send(slot, job);
  }

  /** Reads the export's data and hands it to the worker in slices, a turn of the event loop
   * between them. */
  async function send(slot: Slot, job: Job): Promise<void> {
    const post = (message: ToWorker) => {
      slot.worker.postMessage(message);
    };
    let data: ExportData;
    try {
      data = await job.input.load();
    } catch (error) {
      if (slot.job !== job) return;
      job.reject(error);
      finish(slot);
      return;
    }
    if (slot.job !== job) return; // the worker was lost meanwhile
    const { items, eventBodies = [] } = data;
    post({ type: 'begin', spec: job.input.spec });
    for (let at = 0; at < items.length; at += ITEM_SLICE) {
      await turn();
      if (slot.job !== job) return; // the worker was lost meanwhile
      post({ type: 'items', items: items.slice(at, at + ITEM_SLICE) });
    }
    for (let at = 0; at < eventBodies.length; at += EVENT_SLICE) {
      await turn();
      if (slot.job !== job) return;
      post({ type: 'events', bodies: eventBodies.slice(at, at + EVENT_SLICE) });
    }
    if (data.cafe && slot.job === job) post({ type: 'cafe', cafe: data.cafe });
    if (slot.job === job) post({ type: 'make' });
  }

  const idle = () => [...slots].find((slot) => slot.job === null);

  return {
    run: (input, signal) =>
      new Promise<Buffer>((resolve, reject) => {
        if (closed) throw closing();
        const job: Job = { input, resolve, reject };
        const free = idle();
        if (free) start(free, job);
        else if (slots.size < size) start(spawn(), job);
        else if (waiting.length >= limit) throw busy();
        else {
          waiting.push(job);
          signal?.addEventListener(
            'abort',
            () => {
              const at = waiting.indexOf(job);
              if (at === -1) return; // already started: it finishes, its bytes go nowhere
              waiting.splice(at, 1);
              reject(new ApiError(503, 'busy', 'The request was closed before its export began.'));
            },
            { once: true },
          );
        }
      }),
    close: async () => {
      closed = true;
      for (const job of waiting.splice(0)) job.reject(closing());
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
}

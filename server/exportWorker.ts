// An export worker thread (started by exportPool.ts through exportWorkerStart.mjs): takes one
// export at a time — its spec, then its items and event bodies in slices — makes the file and
// sends its bytes back. Stores nothing; holds only the export it is making.
import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { FigureItem } from '../src/domain/index';
import { makeExportFile } from './exportFiles';
import type { CafeData, ExportSpec } from './exportFiles';

/** From the pool, in this order for each export: begin, items and events (any number), make. */
export type ToWorker =
  | { type: 'begin'; spec: ExportSpec }
  | { type: 'items'; items: FigureItem[] }
  | { type: 'events'; bodies: string[] }
  | { type: 'cafe'; cafe: CafeData }
  | { type: 'make' };

/** To the pool, once per export; the bytes' buffer is transferred, not copied. */
export type FromWorker = { type: 'made'; bytes: Uint8Array } | { type: 'failed'; message: string };

function thePool(): MessagePort {
  if (parentPort === null)
    throw new Error('exportWorker.ts runs in a worker thread (exportPool.ts)');
  return parentPort;
}
const port = thePool();

let spec: ExportSpec | null = null;
let items: FigureItem[] = [];
let bodies: string[] = [];
let cafe: CafeData = { visits: [], sessions: [] };

async function make(): Promise<void> {
  const made = spec;
  const data = { items, bodies, cafe };
  spec = null;
  items = [];
  bodies = [];
  cafe = { visits: [], sessions: [] };
  let reply: FromWorker;
  try {
    if (made === null) throw new Error('make before begin');
    reply = { type: 'made', bytes: await makeExportFile(made, data.items, data.bodies, data.cafe) };
  } catch (error) {
    reply = { type: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  // The bytes' buffer is an ArrayBuffer of their own (exportFiles.ts), never shared memory.
  port.postMessage(reply, reply.type === 'made' ? [reply.bytes.buffer as ArrayBuffer] : []);
}

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'begin':
      spec = message.spec;
      items = [];
      bodies = [];
      cafe = { visits: [], sessions: [] };
      break;
    case 'items':
      for (const item of message.items) items.push(item);
      break;
    case 'events':
      for (const body of message.bodies) bodies.push(body);
      break;
    case 'cafe':
      cafe = message.cafe;
      break;
    case 'make':
      void make();
      break;
  }
});

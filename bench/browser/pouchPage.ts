// Loaded into Chromium by bench/pouchSync.ts (bundled with esbuild): PouchDB's browser build
// (idb adapter) as a fresh device that replicates a whole remote database into IndexedDB, then
// reads one item's history. Each document's `_id` starts with its subject (`<subject>:<event
// id>`), so an item's history is an `allDocs` range over its prefix: no view to build.
import PouchDB from 'pouchdb-browser';

export interface PouchPullResult {
  docs: number;
  /** From the start of replication until every document is stored (allDocs counts them all). */
  storedMs: number;
  /** …and one item's history read (an allDocs range over its subject prefix, with the docs). */
  historyMs: number;
}

async function pull(
  remote: string,
  expected: number,
  batchSize: number,
  subject: string,
  subjectEvents: number,
): Promise<PouchPullResult> {
  const db = new PouchDB(`fresh-${String(Date.now())}`);
  const t0 = performance.now();
  await PouchDB.replicate(remote, db, { batch_size: batchSize });
  const { total_rows } = await db.allDocs({ limit: 0 });
  if (total_rows !== expected)
    throw new Error(`replicated ${String(total_rows)} of ${String(expected)}`);
  const storedMs = performance.now() - t0;
  const history = await db.allDocs({
    startkey: `${subject}:`,
    endkey: `${subject}:\uffff`,
    include_docs: true,
  });
  if (history.rows.length !== subjectEvents || history.rows.some((r) => !r.doc))
    throw new Error(`history of ${subject}: ${String(history.rows.length)} docs`);
  const historyMs = performance.now() - t0;
  return { docs: total_rows, storedMs, historyMs };
}

declare global {
  interface Window {
    benchPouchPull?: typeof pull;
  }
}
window.benchPouchPull = pull;

// Loaded into Chromium by bench/pouchSync.ts (bundled with esbuild): PouchDB's browser build
// (idb adapter) as a fresh device that replicates a whole remote database into IndexedDB.
import PouchDB from 'pouchdb-browser';

export interface PouchPullResult {
  docs: number;
  /** From the start of replication until every document is stored (allDocs count matches). */
  replicatedMs: number;
  /** …and a first query by subject answered from a view (its index built over every doc). */
  queryableMs: number;
}

async function pull(remote: string, expected: number, batchSize: number): Promise<PouchPullResult> {
  const db = new PouchDB(`fresh-${String(Date.now())}`);
  const t0 = performance.now();
  await PouchDB.replicate(remote, db, { batch_size: batchSize });
  const { total_rows } = await db.allDocs({ limit: 0 });
  if (total_rows !== expected)
    throw new Error(`replicated ${String(total_rows)} of ${String(expected)}`);
  const replicatedMs = performance.now() - t0;
  await db.put({
    _id: '_design/bench',
    views: { bySubject: { map: 'function (doc) { if (doc.subject) emit(doc.subject); }' } },
  });
  const first = await db.query('bench/bySubject', { limit: 1 });
  const someKey = first.rows[0]?.key;
  const hit = await db.query('bench/bySubject', { key: someKey, limit: 1 });
  if (hit.rows.length !== 1) throw new Error('view query found nothing');
  const queryableMs = performance.now() - t0;
  return { docs: total_rows, replicatedMs, queryableMs };
}

declare global {
  interface Window {
    benchPouchPull?: typeof pull;
  }
}
window.benchPouchPull = pull;

// Evaluated in the app's page by bench/deviceScale.ts (bundled with esbuild): makes the item
// projections of figureRows.ts right here and puts them, with the figures' packed lines, into the
// app's IndexedDB — 100,000 rows sent from Node through the DevTools protocol took ~1.2 s per
// 5,000 for the transfer alone.
import { packBuckets } from '../../src/storage/figureStore';
import { itemRows, rowsDigest } from '../figureRows';

declare global {
  interface Window {
    benchPutFigureRows?: (count: number, now: number) => Promise<string>;
  }
}

function put(store: string, rows: readonly unknown[]): Promise<void> {
  return new Promise((done, fail) => {
    const req = indexedDB.open('bewaar');
    req.onerror = () => {
      fail(new Error('open failed'));
    };
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction(store, 'readwrite', { durability: 'relaxed' });
      for (const row of rows) tx.objectStore(store).put(row);
      tx.oncomplete = () => {
        db.close();
        done();
      };
      tx.onerror = () => {
        fail(new Error(`put into ${store} failed`));
      };
    };
  });
}

window.benchPutFigureRows = async (count, now) => {
  const all = [];
  for (const rows of itemRows(count, now)) {
    await put('items', rows);
    all.push(...rows);
  }
  await put('figureBuckets', packBuckets(all));
  return rowsDigest(all);
};

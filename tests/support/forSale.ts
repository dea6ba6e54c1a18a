// A code of the demo season's for-sale appliances, read from a demo server's SQLite file: the
// label a shopper would scan (for the public page in e2e tests and in the Lighthouse bench).
import { join } from 'node:path';
import Database from 'better-sqlite3';

export function forSaleCode(dataDir: string): string {
  const db = new Database(join(dataDir, 'bewaar.sqlite'), { readonly: true });
  try {
    const row = db
      .prepare(`select code from items where status = 'for-sale' order by code limit 1`)
      .get() as { code: string } | undefined;
    if (!row) throw new Error('the demo season has no appliance for sale');
    return row.code;
  } finally {
    db.close();
  }
}

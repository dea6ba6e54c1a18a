// The item projection in the store (table items): each item's FigureItem — folded state plus the
// figure facts — as JSON, re-folded from its stored events by the projector (projector.ts) that
// follows the log, so the coordinator's figures read one row per item instead of folding the
// whole log.
import {
  brusselsDay,
  figureItem,
  figureLine,
  foldCage,
  foldItem,
  parseCode,
} from '../src/domain/index';
import type {
  BewaarEvent,
  CageState,
  FigureItem,
  FigureLine,
  ItemStatus,
} from '../src/domain/index';
import type { Kysely } from 'kysely';
import type { Insertable, Selectable } from 'kysely';
import { catchUpItems } from './projector';
import type { Store } from './store/createStore';
import type { ItemsTable, Schema } from './store/schema';

type Db = Kysely<Schema>;

// Rows per IN list and per multi-row insert: far below both dialects' parameter limits.
const CHUNK = 500;

// Only these statuses come from the cage's trip (deriveStatus): an item past them is judged by
// its own events, so a cage event need not re-fold it.
const CAGE_BOUND: readonly ItemStatus[] = ['caged', 'in-transit', 'missing'];

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
  return out;
}

/** The stored events of the subjects, by subject: one query per chunk of subjects. */
async function eventsOf(
  db: Db,
  tenantId: string,
  subjects: readonly string[],
): Promise<Map<string, BewaarEvent[]>> {
  const bySubject = new Map<string, BewaarEvent[]>();
  for (const part of chunks(subjects)) {
    const rows = await db
      .selectFrom('events')
      .select(['subject', 'body'])
      .where('tenant_id', '=', tenantId)
      .where('subject', 'in', part)
      .execute();
    for (const row of rows) {
      const list = bySubject.get(row.subject);
      const event = JSON.parse(row.body) as BewaarEvent;
      if (list) list.push(event);
      else bySubject.set(row.subject, [event]);
    }
  }
  return bySubject;
}

/** Runs a fold; a subject the fold cannot handle (a bug, or data of a newer release) keeps its
 * previous row rather than failing the push that stored its events. */
function safely<T>(fold: () => T): T | null {
  try {
    return fold();
  } catch (error) {
    console.error('fold failed; item projection left as it was', error);
    return null;
  }
}

async function foldCages(
  db: Db,
  tenantId: string,
  codes: readonly string[],
  into: Map<string, CageState>,
): Promise<void> {
  const wanted = codes.filter((code) => !into.has(code));
  if (wanted.length === 0) return;
  const events = await eventsOf(db, tenantId, wanted);
  for (const code of wanted) {
    const cage = safely(() => foldCage(code, events.get(code) ?? []));
    if (cage) into.set(code, cage);
  }
}

/** The row of a folded item. */
export function itemRow(tenantId: string, item: FigureItem, seq: number): Insertable<ItemsTable> {
  const { lastAt, missingAt } = item.facts;
  const last = missingAt !== null && (lastAt === null || missingAt > lastAt) ? missingAt : lastAt;
  return {
    tenant_id: tenantId,
    code: item.code,
    status: item.status,
    cage: item.cage,
    site: item.site,
    shop_site: item.facts.shopSite,
    category: item.category,
    first_day: brusselsDay(item.facts.firstAt),
    last_day: brusselsDay(last),
    state: JSON.stringify(item),
    seq,
  };
}

/** Folds the items (with their cages, loaded into `cages` when not there yet) and upserts them,
 * stamped with the tenant's event position `seq`. */
async function projectItems(
  db: Db,
  tenantId: string,
  seq: number,
  codes: readonly string[],
  cages: Map<string, CageState>,
): Promise<number> {
  if (codes.length === 0) return 0;
  const events = await eventsOf(db, tenantId, codes);
  // An item's status depends on its cage's trip: fold once to learn the cage, then with it.
  const firsts = codes.flatMap((code) => {
    const item = safely(() => foldItem(code, events.get(code) ?? []));
    return item ? [item] : [];
  });
  await foldCages(
    db,
    tenantId,
    [...new Set(firsts.flatMap((item) => (item.cage === null ? [] : [item.cage])))],
    cages,
  );
  const rows = firsts.flatMap((first) => {
    const own = events.get(first.code) ?? [];
    const cage = first.cage === null ? null : (cages.get(first.cage) ?? null);
    const item = safely(() =>
      figureItem(cage ? foldItem(first.code, own, cage) : first, own, cage),
    );
    return item ? [itemRow(tenantId, item, seq)] : [];
  });
  for (const part of chunks(rows)) {
    await db
      .insertInto('items')
      .values(part)
      .onConflict((oc) =>
        oc.columns(['tenant_id', 'code']).doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          cage: eb.ref('excluded.cage'),
          site: eb.ref('excluded.site'),
          shop_site: eb.ref('excluded.shop_site'),
          category: eb.ref('excluded.category'),
          first_day: eb.ref('excluded.first_day'),
          last_day: eb.ref('excluded.last_day'),
          state: eb.ref('excluded.state'),
          seq: eb.ref('excluded.seq'),
        })),
      )
      .execute();
  }
  return rows.length;
}

/**
 * Re-folds the touched subjects from their stored events and upserts their rows; a touched cage
 * re-folds the items in it whose status its trips decide. Call inside a transaction that holds
 * the tenant's lock. The rows are stamped with `stamp`, the last position folded (by default the
 * log's head): rows committed later must carry a higher stamp, since each server's cache of the
 * projection reads only rows above the highest stamp it has seen. Returns how many item rows
 * were written.
 */
export async function reprojectSubjects(
  db: Db,
  tenantId: string,
  subjects: Iterable<string>,
  stamp?: number,
): Promise<number> {
  const seq = stamp ?? (await tenantSeq(db, tenantId));
  const cageCodes: string[] = [];
  const itemCodes = new Set<string>();
  for (const code of new Set(subjects)) {
    const parsed = parseCode(code);
    if (!parsed.ok) continue;
    if (parsed.kind === 'cage') cageCodes.push(code);
    else itemCodes.add(code);
  }
  const cages = new Map<string, CageState>();
  await foldCages(db, tenantId, cageCodes, cages);
  for (const part of chunks(cageCodes)) {
    const rows = await db
      .selectFrom('items')
      .select('code')
      .where('tenant_id', '=', tenantId)
      .where('cage', 'in', part)
      .where('status', 'in', CAGE_BOUND)
      .execute();
    for (const row of rows) itemCodes.add(row.code);
  }
  return projectItems(db, tenantId, seq, [...itemCodes], cages);
}

/** The tenant's highest event position (0 with no events). */
export async function tenantSeq(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Rebuilds the projection of every tenant (or one) from the whole event log. */
export async function rebuildItems(db: Db, onlyTenant?: string): Promise<number> {
  const tenants =
    onlyTenant === undefined
      ? (await db.selectFrom('tenants').select('id').execute()).map((t) => t.id)
      : [onlyTenant];
  let written = 0;
  for (const tenantId of tenants) {
    await db.deleteFrom('items').where('tenant_id', '=', tenantId).execute();
    const subjects = await db
      .selectFrom('events')
      .select('subject')
      .distinct()
      .where('tenant_id', '=', tenantId)
      .execute();
    const items = subjects.flatMap((row) => {
      const parsed = parseCode(row.subject);
      return parsed.ok && parsed.kind === 'item' ? [row.subject] : [];
    });
    // Cages are folded once per tenant and shared by every chunk of items.
    const cages = new Map<string, CageState>();
    const seq = await tenantSeq(db, tenantId);
    for (const part of chunks(items, 2000))
      written += await projectItems(db, tenantId, seq, part, cages);
  }
  return written;
}

/** A server's parsed copy of a tenant's projection, refreshed by event position. */
interface TenantCache {
  seq: number;
  rows: Map<string, CachedItem>;
  /** Settles when the last top-up has (see cachedItems). */
  refreshed: Promise<void>;
}

interface CachedItem {
  item: FigureItem;
  /** What the figures read of it (null: voided), worked out once per change of the item. */
  line: FigureLine | null;
  row: Omit<Selectable<ItemsTable>, 'state'>;
}

// Per store (tests run several in one process) and tenant. Parsing 100,000 rows of JSON was
// most of a figures request; a push changes a handful of rows, so only those are read again.
// Correct with several servers on one store: positions of a tenant commit in order (a catch-up
// holds the tenant's lock), so "rows with seq above mine" is exactly what this server missed.
const caches = new WeakMap<Db, Map<string, TenantCache>>();

async function cachedItems(store: Store, tenantId: string): Promise<TenantCache> {
  await catchUpItems(store, tenantId);
  const db = store.db;
  let byTenant = caches.get(db);
  if (!byTenant) {
    byTenant = new Map();
    caches.set(db, byTenant);
  }
  const cache = byTenant.get(tenantId) ?? {
    seq: -1,
    rows: new Map(),
    refreshed: Promise.resolve(),
  };
  byTenant.set(tenantId, cache);
  // One top-up at a time: two overlapping reads could otherwise apply an older row after a
  // newer one, and the newer would never be read again (its seq is below the cache's).
  const refresh = cache.refreshed.then(() => topUp(db, tenantId, cache));
  cache.refreshed = refresh.catch(() => undefined);
  await refresh;
  return cache;
}

// Rows parsed (and their lines worked out) per turn of the event loop, and rows per page of the
// first read. The first read of a big region ran in one piece: over 100,000 items 3.1 s in which
// no other request was answered (SQLite handing over 150 MB of rows 1.8 s, parsing 0.7 s, the
// lines 0.6 s). In pages of 1,000 each piece takes a few tens of ms.
const ROWS_PER_TURN = 1000;

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function keep(cache: TenantCache, { state, ...row }: Selectable<ItemsTable>): void {
  const item = JSON.parse(state) as FigureItem;
  cache.rows.set(row.code, { item, line: figureLine(item), row });
}

async function topUp(db: Db, tenantId: string, cache: TenantCache): Promise<void> {
  if (cache.seq < 0) {
    await firstRead(db, tenantId, cache);
    return;
  }
  const fresh = await db
    .selectFrom('items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('seq', '>', cache.seq)
    .execute();
  for (let at = 0; at < fresh.length; at += ROWS_PER_TURN) {
    if (at > 0) await turn();
    for (const row of fresh.slice(at, at + ROWS_PER_TURN)) {
      keep(cache, row);
      cache.seq = Math.max(cache.seq, Number(row.seq));
    }
  }
}

/** Reads every row of the tenant in pages (by code, the key's order), a turn of the event loop
 * between pages. Bounded by the position read first: a row written meanwhile carries a higher
 * seq and is left to the next top-up, so the cache's position is only set once all is read. */
async function firstRead(db: Db, tenantId: string, cache: TenantCache): Promise<void> {
  const head = await db
    .selectFrom('items')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  // No rows: max() is null (the query's type does not say so).
  const max: unknown = head?.seq;
  if (max === null || max === undefined) return;
  const upTo = Number(max);
  let after: string | null = null;
  for (;;) {
    let query = db
      .selectFrom('items')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('seq', '<=', upTo)
      .orderBy('code')
      .limit(ROWS_PER_TURN);
    if (after !== null) query = query.where('code', '>', after);
    const page = await query.execute();
    for (const row of page) keep(cache, row);
    const last = page.at(-1);
    if (last === undefined || page.length < ROWS_PER_TURN) break;
    after = last.code;
    await turn();
  }
  cache.seq = upTo;
}

type Filter = {
  from: string;
  to: string;
  site?: string | undefined;
  category?: number | undefined;
};

/** Reads every tenant's projection into this server's parsed copy, so the first figures request
 * after a start does not pay for it (main.ts runs it in the background once listening). */
export async function warmFigures(store: Store): Promise<number> {
  const tenants = await store.db.selectFrom('tenants').select('id').execute();
  let items = 0;
  for (const { id } of tenants) items += (await cachedItems(store, id)).rows.size;
  return items;
}

/** Whether the filter can concern the item: the site and category match and the item's dated
 * facts overlap the period (each figure then applies its own date). */
function concerns({ row }: CachedItem, filter: Filter): boolean {
  if (row.first_day === null || row.last_day === null) return false;
  if (row.first_day > filter.to || row.last_day < filter.from) return false;
  if (filter.site !== undefined && row.site !== filter.site && row.shop_site !== filter.site)
    return false;
  return filter.category === undefined || row.category === filter.category;
}

// Cached items looked at per turn of the event loop: picking a year out of 100,000 items took
// 60–280 ms in one piece.
const ITEMS_PER_TURN = 10_000;

/** The cached items of the tenant that the filter can concern. */
async function concerned(store: Store, tenantId: string, filter: Filter): Promise<CachedItem[]> {
  const all = [...(await cachedItems(store, tenantId)).rows.values()];
  const picked: CachedItem[] = [];
  for (let at = 0; at < all.length; at += ITEMS_PER_TURN) {
    if (at > 0) await turn();
    for (const cached of all.slice(at, at + ITEMS_PER_TURN))
      if (concerns(cached, filter)) picked.push(cached);
  }
  return picked;
}

/** The projected items of the tenant that the filter can concern (for the exports). */
export async function loadFigureItems(
  store: Store,
  tenantId: string,
  filter: Filter,
): Promise<FigureItem[]> {
  return (await concerned(store, tenantId, filter)).map((cached) => cached.item);
}

/** The figure lines of the tenant's items that the filter can concern (voided items have none). */
export async function loadFigureLines(
  store: Store,
  tenantId: string,
  filter: Filter,
): Promise<FigureLine[]> {
  return (await concerned(store, tenantId, filter)).flatMap((cached) =>
    cached.line ? [cached.line] : [],
  );
}

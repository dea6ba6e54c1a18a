// Read side for screens: live queries over the projections, so a screen re-renders the moment a
// write (local or, later, pulled) commits. Screens never touch Dexie tables directly.
import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { cageContents, type CageState } from '../domain';
import { getDb, type BewaarDexie, type ItemRow } from './db';
import { onItemsWritten } from './eventLog';
import { subjectHistory } from './log';
import { LAST_SYNC } from './remote';

/** One item by canonical code; `undefined` while loading, `null` when unknown here. */
export function useItem(code: string | null): ItemRow | null | undefined {
  return useLiveQuery(
    async () => (code ? ((await getDb().items.get(code)) ?? null) : null),
    [code],
  );
}

/** One cage by canonical code; `undefined` while loading, `null` when unknown here. */
export function useCage(code: string | null): CageState | null | undefined {
  return useLiveQuery(
    async () => (code ? ((await getDb().cages.get(code)) ?? null) : null),
    [code],
  );
}

/** The items in the cage's current trip, in the order they were put in. */
export function useCageContents(cage: CageState | null | undefined): ItemRow[] | undefined {
  return useLiveQuery(async () => {
    if (!cage) return [];
    const items = await getDb().items.where('cage').equals(cage.code).toArray();
    return cageContents(cage, items) as ItemRow[];
  }, [cage]);
}

type DayList = { items: ItemRow[]; total: number };

/** The day's list with rows a write just stored put in (or taken out) where the index would put
 * them: newest first by registration, at most `limit`, undone ones out. A row older than the last
 * one of a full list is beyond the list and changes nothing. */
export function withWrittenRows(
  list: DayList,
  rows: readonly ItemRow[],
  site: string,
  day: string,
  limit: number,
): DayList {
  let { items, total } = list;
  for (const row of rows) {
    const at = items.findIndex((i) => i.code === row.code);
    const listed = row.site === site && row.day === day && !row.voided && row.registeredAt !== null;
    if (at >= 0) {
      items = items.filter((_, n) => n !== at);
      if (!listed) total -= 1;
    }
    if (!listed) continue;
    const last = items.at(-1);
    const beyond =
      at < 0 &&
      items.length >= limit &&
      last !== undefined &&
      (row.registeredAt ?? '') < (last.registeredAt ?? '');
    if (beyond) continue;
    if (at < 0) total += 1;
    const place = items.findIndex((i) => (i.registeredAt ?? '') < (row.registeredAt ?? ''));
    items = place < 0 ? [...items, row] : [...items.slice(0, place), row, ...items.slice(place)];
    if (items.length > limit) items = items.slice(0, limit);
  }
  return { items, total };
}

/** Items registered at this site on a local day, newest first, without undone ones: at most
 * `limit` of them (read by index, so a long day costs no more than a short one) and the total.
 * A save on this device shows at once: its rows are put into the list when its transaction
 * commits, rather than when the live query has read them back (a round trip to IndexedDB behind
 * every other live query the write woke); the live query's answer then replaces the list. */
export function useItemsOfDay(site: string, day: string, limit = Infinity): DayList | undefined {
  const live = useLiveQuery(async () => {
    // Undone items carry no day, so the index range holds exactly the listed items.
    const range = getDb()
      .items.where('[site+day+registeredAt]')
      .between([site, day, Dexie.minKey], [site, day, Dexie.maxKey]);
    const items = await range.clone().reverse().limit(limit).toArray();
    const total = items.length < limit ? items.length : await range.count();
    return { items, total };
  }, [site, day, limit]);
  const [written, setWritten] = useState<{ base: DayList; list: DayList } | null>(null);
  useEffect(() => {
    if (live === undefined) return;
    return onItemsWritten((rows) => {
      setWritten((prev) => {
        const base = prev?.base === live ? prev.list : live;
        return { base: live, list: withWrittenRows(base, rows, site, day, limit) };
      });
    });
  }, [live, site, day, limit]);
  return written !== null && written.base === live ? written.list : live;
}

/** How many of the site's latest live registrations (at most `limit`, newest first by index) are
 * of each category: what the intake form offers first. Read once, not live: a save must not pay
 * for re-counting. */
export async function kindCountsOfSite(site: string, limit = 1000): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  // Undone items carry no day, so the index holds only live registrations of the site.
  await getDb()
    .items.where('[site+day+registeredAt]')
    .between([site, Dexie.minKey, Dexie.minKey], [site, Dexie.maxKey, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .each((item) => {
      if (item.category !== null) counts.set(item.category, (counts.get(item.category) ?? 0) + 1);
    });
  return counts;
}

/** The brands the items on this device carry, each once, in index order. One seek per brand
 * past its items: a `nextunique` cursor (Dexie's `uniqueKeys`) steps over every item of a brand
 * one by one, which on a tablet of 20,000 items kept IndexedDB busy for 30–45 ms — the moment
 * the form had opened, so the save waited behind it. */
export async function knownBrands(db: BewaarDexie = getDb()): Promise<string[]> {
  if (!db.isOpen()) await db.open();
  const store = db.backendDB().transaction('items', 'readonly').objectStore('items');
  const cursor = store.index('brand').openKeyCursor();
  const brands: string[] = [];
  return new Promise((resolve, reject) => {
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) {
        resolve(brands);
        return;
      }
      if (typeof at.key !== 'string') {
        at.continue();
        return;
      }
      brands.push(at.key);
      // The smallest string after this brand: the next brand's first item.
      at.continue(`${at.key}\u0000`);
    };
    cursor.onerror = () => {
      reject(cursor.error ?? new Error('brands'));
    };
  });
}

/** Brands already used on this device, for autocomplete: read once when the form opens, not
 * live — a save must not pay for reading them again, and a form needs no brand saved meanwhile. */
export function useKnownBrands(): string[] | undefined {
  const [brands, setBrands] = useState<string[]>();
  useEffect(() => {
    let mounted = true;
    knownBrands().then(
      (found) => {
        if (mounted) setBrands(found);
      },
      (error: unknown) => {
        console.error('brands', error);
      },
    );
    return () => {
      mounted = false;
    };
  }, []);
  return brands;
}

/** Events waiting to be sent: in the outbox and not refused by the server. */
export function usePendingCount(): number | undefined {
  return useLiveQuery(() =>
    getDb()
      .outbox.filter((row) => row.rejected === undefined)
      .count(),
  );
}

/** Everything this browser holds that the server does not have: every outbox entry (refused ones
 * too — a sign-out would lose them just the same), every photo not uploaded yet and every
 * visitor's contact not sent yet. */
export function useUnsentCount(): number | undefined {
  return useLiveQuery(async () => {
    const db = getDb();
    return (
      (await db.outbox.count()) + (await db.photoQueue.count()) + (await db.cafeContacts.count())
    );
  });
}

/** The event history of one subject, oldest first. */
export function useHistory(code: string | null) {
  return useLiveQuery(async () => {
    if (!code) return [];
    return await subjectHistory(getDb(), code);
  }, [code]);
}

/** Reads an item once (not live), e.g. to decide where a scan leads. */
export async function getItem(code: string): Promise<ItemRow | undefined> {
  return getDb().items.get(code);
}

/** Reads a cage once (not live). */
export async function getCage(code: string): Promise<CageState | undefined> {
  return getDb().cages.get(code);
}

/** The newest items of the whole tenant (as far as this device has them), optionally filtered
 * by a code or brand; at most `limit`, with how many there are. Without a search it reads only
 * the page and an index count, so a tenant of many thousands costs no more than a small one. */
export function useRecentItems(
  search: string,
  limit: number,
): { items: ItemRow[]; total: number } | undefined {
  return useLiveQuery(async () => {
    const newest = getDb().items.orderBy('registeredAt').reverse();
    const code = search.trim().toUpperCase().replace(/[\s-]/g, '');
    const brand = search.trim().toLocaleUpperCase();
    if (!code) {
      const items = await newest
        .filter((i) => !i.voided)
        .limit(limit)
        .toArray();
      const [all, voided] = await Promise.all([
        getDb().items.count(),
        getDb().items.where('queue').equals('voided').count(),
      ]);
      return { items, total: all - voided };
    }
    const matching = newest.filter(
      (i) =>
        !i.voided && (i.code.includes(code) || (i.brand ?? '').toLocaleUpperCase().includes(brand)),
    );
    const items = await matching.clone().limit(limit).toArray();
    const total = items.length < limit ? items.length : await matching.count();
    return { items, total };
  }, [search, limit]);
}

/** Events the server refused, with its reason, oldest first. */
export function useRejectedEvents() {
  return useLiveQuery(async () => {
    const rows = await getDb()
      .outbox.filter((r) => r.rejected !== undefined)
      .toArray();
    return rows.flatMap((row) =>
      row.rejected ? [{ event: row.event, reason: row.rejected }] : [],
    );
  });
}

/** When this device last completed a sync round (ms), or null. */
export function useLastSync(): number | null | undefined {
  return useLiveQuery(async () => {
    const row = await getDb().meta.get(LAST_SYNC);
    return typeof row?.value === 'number' ? row.value : null;
  });
}

// Storage write path on fake-indexeddb: one transaction per write, projections folded, nothing
// half-written when an event is invalid.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateCode, type BewaarEvent } from '../domain';
import { openBewaarDb, useDatabase, type BewaarDexie, type ItemRow } from './db';
import { onItemsWritten, recordEvents, type Author } from './eventLog';
import { loggedEventCount } from './log';
import { ensureProjections } from './projections';

const author: Author = {
  device: 'dev-1',
  actor: 'person-1',
  site: 'park-1',
  node: '00000000000000aa',
};
let seed = 1;
const bytes = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 73 + 41) % 256));
let counter = 0;
const deps = {
  now: () => Date.UTC(2026, 10, 27, 10, 0, 0),
  newId: () => `0194d7c6-0000-7000-8000-${String(++counter).padStart(12, '0')}`,
};

/** The data of an `item.registered` for a working, complete appliance. */
function registration(category: number, weightKg: number, weighed = false) {
  return { category, condition: 'works' as const, complete: true, weightKg, weighed, photos: [] };
}

let db: BewaarDexie;
beforeEach(() => {
  db = openBewaarDb(`test-${Math.random()}`);
  useDatabase(db);
});
afterEach(async () => {
  await db.delete();
});

describe('recordEvents', () => {
  it('stores event, outbox entry, clock and projections together', async () => {
    const item = generateCode('item', bytes);
    const cage = generateCode('cage', bytes);
    await recordEvents(author, [{ type: 'cage.opened', subject: cage, data: {} }], deps);
    const [registered, caged] = await recordEvents(
      author,
      [
        {
          type: 'item.registered',
          subject: item,
          data: registration(14, 1.2, false),
        },
        { type: 'item.caged', subject: item, data: { cage } },
      ],
      deps,
    );
    expect(await loggedEventCount(db)).toBe(3);
    expect((await db.outbox.toArray()).map((o) => o.id)).toEqual(
      expect.arrayContaining([registered?.id, caged?.id]),
    );
    // Same wall time three times: the clock counter keeps the order strict.
    expect(registered && caged && registered.hlc < caged.hlc).toBe(true);
    const row = await db.items.get(item);
    expect(row).toMatchObject({
      code: item,
      category: 14,
      status: 'caged',
      cage,
      site: 'park-1',
      day: '2026-11-27',
    });
    expect(await db.cages.get(cage)).toMatchObject({ status: 'open', site: 'park-1' });
  });

  it('writes nothing when one event of the batch is invalid', async () => {
    const item = generateCode('item', bytes);
    await expect(
      recordEvents(
        author,
        [
          {
            type: 'item.registered',
            subject: item,
            data: registration(14, 1, false),
          },
          {
            type: 'item.registered',
            subject: item,
            data: registration(99, -1, false),
          },
        ],
        deps,
      ),
    ).rejects.toThrow();
    expect(await loggedEventCount(db)).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.items.count()).toBe(0);
    expect(await db.meta.get('hlc')).toBeUndefined();
  });

  it('rolls everything back when a write fails halfway through the transaction', async () => {
    const item = generateCode('item', bytes);
    // The outbox already holds the id the next event will get: its outbox insert fails after the
    // event itself was added, and the whole transaction must leave no trace.
    const nextId = `0194d7c6-0000-7000-8000-${String(counter + 1).padStart(12, '0')}`;
    await db.outbox.add({ id: nextId, queuedAt: 0, event: { id: nextId } as BewaarEvent });
    await expect(
      recordEvents(
        author,
        [
          {
            type: 'item.registered',
            subject: item,
            data: registration(14, 1, false),
          },
        ],
        deps,
      ),
    ).rejects.toThrow();
    expect(await loggedEventCount(db)).toBe(0);
    expect(await db.items.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.meta.get('hlc')).toBeUndefined();
  });

  it('re-folds the items of a cage when the cage is closed', async () => {
    const item = generateCode('item', bytes);
    const cage = generateCode('cage', bytes);
    await recordEvents(author, [{ type: 'cage.opened', subject: cage, data: {} }], deps);
    await recordEvents(
      author,
      [
        {
          type: 'item.registered',
          subject: item,
          data: registration(19, 0.2, true),
        },
        { type: 'item.caged', subject: item, data: { cage } },
      ],
      deps,
    );
    await recordEvents(author, [{ type: 'cage.closed', subject: cage, data: { count: 1 } }], deps);
    expect((await db.cages.get(cage))?.status).toBe('closed');
    expect((await db.cages.get(cage))?.closedCount).toBe(1);
    expect((await db.items.get(item))?.status).toBe('caged');
  });

  it('hides a voided registration and revives it on a new registration', async () => {
    const item = generateCode('item', bytes);
    const data = {
      category: 31,
      condition: 'works' as const,
      complete: true,
      weightKg: 1.4,
      weighed: false,
      photos: [],
    };
    await recordEvents(author, [{ type: 'item.registered', subject: item, data }], deps);
    await recordEvents(author, [{ type: 'item.voided', subject: item, data: {} }], deps);
    expect((await db.items.get(item))?.voided).toBe(true);
    await recordEvents(author, [{ type: 'item.registered', subject: item, data }], deps);
    expect((await db.items.get(item))?.voided).toBe(false);
  });
});

describe('onItemsWritten', () => {
  it('hands over the stored rows once the write has committed, and nothing for a failed one', async () => {
    const item = generateCode('item', bytes);
    const seen: { rows: readonly ItemRow[]; stored: ItemRow | undefined }[] = [];
    const stop = onItemsWritten((rows) => {
      // Called after the commit: a new transaction already sees the rows.
      void db.items.get(item).then((stored) => seen.push({ rows, stored }));
    });
    try {
      await recordEvents(
        author,
        [{ type: 'item.registered', subject: item, data: registration(14, 1.2) }],
        deps,
      );
      await expect(
        recordEvents(
          author,
          [{ type: 'item.registered', subject: item, data: registration(99, -1) }],
          deps,
        ),
      ).rejects.toThrow();
      await db.items.count();
      expect(seen).toHaveLength(1);
      expect(seen[0]?.rows).toEqual([seen[0]?.stored]);
      expect(seen[0]?.rows[0]).toMatchObject({ code: item, category: 14, day: '2026-11-27' });
    } finally {
      stop();
    }
  });

  it('works drafts out inside the write, from what it reads there', async () => {
    const item = generateCode('item', bytes);
    const cage = generateCode('cage', bytes);
    await recordEvents(author, [{ type: 'cage.opened', subject: cage, data: {} }], deps);
    const [, caged] = await recordEvents(
      author,
      async () => {
        const open = await db.cages.get(cage);
        return [
          { type: 'item.registered', subject: item, data: registration(14, 1.2) },
          ...(open?.status === 'open'
            ? [{ type: 'item.caged' as const, subject: item, data: { cage } }]
            : []),
        ];
      },
      deps,
    );
    expect(caged?.type).toBe('item.caged');
    expect(await db.items.get(item)).toMatchObject({ status: 'caged', cage });
    expect(await loggedEventCount(db)).toBe(3);
  });
});

describe('ensureProjections', () => {
  it('rebuilds projections folded by another version from the log, once', async () => {
    const item = generateCode('item', bytes);
    await recordEvents(
      author,
      [
        {
          type: 'item.registered',
          subject: item,
          data: registration(16, 1.8, true),
        },
      ],
      deps,
    );
    // A stale projection, as an older fold might have left it.
    await db.items.update(item, { status: 'missing', brand: 'stale' });
    await db.meta.put({ key: 'projectionVersion', value: 0 });
    expect(await ensureProjections(db)).toBe(true);
    expect(await db.items.get(item)).toMatchObject({
      status: 'registered',
      brand: null,
      category: 16,
    });
    expect(await ensureProjections(db)).toBe(false);
  });

  it('keeps an item in the queue index only while a screen asks for its status', async () => {
    const item = generateCode('item', bytes);
    const queued = () => db.items.where('queue').equals('received').primaryKeys();
    await recordEvents(
      author,
      [{ type: 'item.registered', subject: item, data: registration(14, 1.2) }],
      deps,
    );
    expect((await db.items.get(item))?.queue).toBeUndefined();
    await recordEvents(author, [{ type: 'item.received', subject: item, data: {} }], deps);
    expect(await queued()).toEqual([item]);
    await recordEvents(
      author,
      [
        { type: 'item.priced', subject: item, data: { priceEur: 25, warrantyMonths: 6 } },
        { type: 'item.sold', subject: item, data: { priceEur: 25 } },
      ],
      deps,
    );
    expect(await queued()).toEqual([]);
    expect((await db.items.get(item))?.status).toBe('sold');
    expect(await db.items.where('queue').anyOf('received', 'for-sale').count()).toBe(0);
  });
});

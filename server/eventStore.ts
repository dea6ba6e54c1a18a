// The event log in the store: one row per event with its canonical JSON body, numbered by `seq`
// in commit order per tenant. Push writes a whole batch in one transaction (the item projection
// follows it: projector.ts); pull reads by seq.
import { canApply, canonicalJson, foldItem, isCafeEventType } from '../src/domain/index';
import type { BewaarEvent } from '../src/domain/index';
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import { eraseWithoutConsent, statesConsent } from './cafe/contacts';
import { contactIsCurrent } from './deviceContact';
import { checkEvent } from './pushCheck';
import type { CheckResult, PushScope, Rejection } from './pushCheck';
import type { Store, StoreKind } from './store/createStore';
import { prepared } from './store/prepared';
import type { EventsTable, Schema } from './store/schema';

export interface PushResult {
  accepted: string[];
  duplicate: string[];
  rejected: Rejection[];
}

// Only the envelope and data are kept: exactly what the device wrote, nothing it tacked on.
function stored(event: BewaarEvent): string {
  const { id, type, subject, hlc, device, actor, site, data } = event;
  return canonicalJson({ id, type, subject, hlc, device, actor, site, data });
}

/** Rows per INSERT on SQLite: 10 parameters each, far under its limit of 32,766. */
const INSERT_CHUNK = 1000;

/** Checks each event alone and stores the accepted ones, all in one transaction. Pushes of one
 * tenant that arrive while its previous transaction runs wait and are then stored together, in
 * one transaction (each push answered for itself): on SQLite every commit waits for the disk on
 * the server's only thread, so under load one commit for several pushes is what lets it keep up. */
export function pushEvents(
  store: Store,
  scope: PushScope,
  raws: readonly unknown[],
): Promise<PushResult> {
  const checked = raws.map((raw) => checkEvent(raw, scope));
  return new Promise((resolve, reject) => {
    const queue = queueOf(store, scope.auth.tenantId);
    queue.waiting.push({ scope, checked, resolve, reject });
    if (queue.running) return;
    queue.running = true;
    // The transaction starts once the requests already read off the sockets have had their
    // turn, so that pushes arriving together share it: SQLite's driver runs a transaction
    // without ever yielding to the network, so no push could join one that has started.
    setImmediate(() => {
      void drain(store, scope.auth.tenantId, queue);
    });
  });
}

interface Waiting {
  scope: PushScope;
  checked: readonly CheckResult[];
  resolve: (result: PushResult) => void;
  reject: (error: unknown) => void;
}

interface PushQueue {
  running: boolean;
  waiting: Waiting[];
}

/** At most this many pushes share a transaction, and (after the first) at most this many
 * events: on SQLite a transaction runs without yielding, so a huge group would hold every other
 * request up. */
const GROUP = 32;
const GROUP_EVENTS = 2_000;

/** Takes the next group off the queue (at least one push). */
function nextGroup(waiting: Waiting[]): Waiting[] {
  let count = 0;
  let events = 0;
  for (const push of waiting) {
    if (count >= GROUP || (count > 0 && events + push.checked.length > GROUP_EVENTS)) break;
    count += 1;
    events += push.checked.length;
  }
  return waiting.splice(0, count);
}

const queues = new WeakMap<Store, Map<string, PushQueue>>();

function queueOf(store: Store, tenantId: string): PushQueue {
  let byTenant = queues.get(store);
  if (!byTenant) {
    byTenant = new Map();
    queues.set(store, byTenant);
  }
  let queue = byTenant.get(tenantId);
  if (!queue) {
    queue = { running: false, waiting: [] };
    byTenant.set(tenantId, queue);
  }
  return queue;
}

/** How many pushes of the tenant wait for a transaction that has not started (for tests). */
export function waitingPushes(store: Store, tenantId: string): number {
  return queues.get(store)?.get(tenantId)?.waiting.length ?? 0;
}

async function drain(store: Store, tenantId: string, queue: PushQueue): Promise<void> {
  try {
    while (queue.waiting.length > 0) {
      const group = nextGroup(queue.waiting);
      try {
        settle(group, await storeGroup(store, tenantId, group));
      } catch (error) {
        if (group.length === 1) {
          group[0]?.reject(error);
          continue;
        }
        // One push of the group failed the transaction: each is stored again on its own, so
        // only that one fails.
        for (const waiting of group) {
          try {
            settle([waiting], await storeGroup(store, tenantId, [waiting]));
          } catch (alone) {
            waiting.reject(alone);
          }
        }
      }
    }
  } finally {
    queue.running = false;
  }
}

function settle(group: readonly Waiting[], results: readonly PushResult[]): void {
  group.forEach((waiting, i) => {
    const result = results[i];
    if (result) waiting.resolve(result);
    else waiting.reject(new Error('push result missing'));
  });
}

async function storeGroup(
  store: Store,
  tenantId: string,
  group: readonly Waiting[],
): Promise<PushResult[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await store.withTenantLock(tenantId, async (trx) => {
        const results: PushResult[] = [];
        for (const { scope, checked } of group)
          results.push(await storeBatch(trx, store.kind, scope, checked));
        return results;
      });
    } catch (error) {
      // The tenant lock does not cover other tenants: one of them may commit one of these ids
      // between our look-up and our insert. The retry sees it and answers conflict.
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

async function storeBatch(
  trx: Transaction<Schema>,
  kind: StoreKind,
  scope: PushScope,
  checked: readonly CheckResult[],
): Promise<PushResult> {
  const tenantId = scope.auth.tenantId;
  const result: PushResult = { accepted: [], duplicate: [], rejected: [] };
  const valid = checked.flatMap((c) => (c.ok ? [c.event] : []));
  const ids = [...new Set(valid.map((e) => e.id))];
  // id → stored body; null when another tenant holds the id (never "duplicate": that would
  // tell this tenant something about the other).
  const known = new Map<string, string | null>();
  if (ids.length > 0) {
    const rows = await trx
      .selectFrom('events')
      .select(['id', 'tenant_id', 'body'])
      .where('id', 'in', ids)
      .execute();
    for (const row of rows) known.set(row.id, row.tenant_id === tenantId ? row.body : null);
  }
  const saleSubjects = [
    ...new Set(
      valid.filter((e) => e.type === 'item.priced' || e.type === 'item.sold').map((e) => e.subject),
    ),
  ];
  const history = new Map<string, BewaarEvent[]>();
  if (saleSubjects.length > 0) {
    const rows = await trx
      .selectFrom('events')
      .select(['subject', 'body'])
      .where('tenant_id', '=', tenantId)
      .where('subject', 'in', saleSubjects)
      .execute();
    for (const row of rows) {
      const list = history.get(row.subject) ?? [];
      list.push(JSON.parse(row.body) as BewaarEvent);
      history.set(row.subject, list);
    }
  }

  // Which region each new event's code belongs to (subject_owners): a code of another region is
  // refused, whatever the event says.
  const owners = await ownersOf(
    trx,
    valid.filter((e) => !known.has(e.id)).map((e) => e.subject),
  );

  const photos = await storedPhotos(
    trx,
    tenantId,
    valid.flatMap((e) =>
      (e.type === 'item.photo-added' || e.type === 'visit.photo-added') && !known.has(e.id)
        ? [e.data.photo]
        : [],
    ),
  );
  const homes = await cafeHomes(
    trx,
    tenantId,
    valid.filter((e) => !known.has(e.id)),
  );

  const toInsert: { event: BewaarEvent; body: string }[] = [];
  for (const check of checked) {
    if (!check.ok) {
      result.rejected.push(check.rejection);
      continue;
    }
    const event = check.event;
    const body = stored(event);
    // Idempotency comes before the sale rules: a resent sale must be a duplicate, not refused
    // because the first copy already sold the item.
    if (known.has(event.id)) {
      if (known.get(event.id) === body) result.duplicate.push(event.id);
      else {
        result.rejected.push({
          id: event.id,
          code: 'conflict',
          message: 'An event with this id but other content is already stored.',
        });
      }
      continue;
    }
    const owner = owners.get(event.subject);
    if (owner !== undefined && owner !== tenantId) {
      result.rejected.push(otherRegion(event));
      continue;
    }
    const elsewhere = otherCafe(event, homes);
    if (elsewhere !== null) {
      result.rejected.push({ id: event.id, code: 'forbidden', message: elsewhere });
      continue;
    }
    if (
      (event.type === 'item.photo-added' || event.type === 'visit.photo-added') &&
      !photos.has(event.data.photo)
    ) {
      result.rejected.push({
        id: event.id,
        code: 'rule',
        reason: 'photo-missing',
        message: 'The photo this event names was never uploaded; upload it first.',
      });
      continue;
    }
    if (event.type === 'item.priced' || event.type === 'item.sold') {
      const item = foldItem(event.subject, history.get(event.subject) ?? []);
      const verdict = canApply(item, event);
      if (!verdict.ok) {
        result.rejected.push({
          id: event.id,
          code: 'rule',
          message: `The item may not be ${event.type === 'item.sold' ? 'sold' : 'priced'} yet: ${verdict.blockers.join(', ')}.`,
        });
        continue;
      }
    }
    known.set(event.id, body);
    if (event.type === 'session.opened' || event.type === 'visit.checked-in')
      if (!homes.has(event.subject)) homes.set(event.subject, event.site);
    const list = history.get(event.subject) ?? [];
    list.push(event);
    history.set(event.subject, list);
    toInsert.push({ event, body });
    result.accepted.push(event.id);
  }

  // New codes become this region's. Another region may have claimed one since the look-up (its
  // own tenant lock does not cover ours): then that claim stands and these events are refused.
  const lost = await claimCodes(
    trx,
    tenantId,
    toInsert.map(({ event }) => event.subject).filter((subject) => !owners.has(subject)),
  );
  const inserting =
    lost.size === 0 ? toInsert : toInsert.filter(({ event }) => !lost.has(event.subject));
  if (lost.size > 0) {
    const refused = new Set<string>();
    for (const { event } of toInsert)
      if (lost.has(event.subject)) {
        refused.add(event.id);
        result.rejected.push(otherRegion(event));
      }
    result.accepted = result.accepted.filter((id) => !refused.has(id));
  }

  const receivedAt = new Date().toISOString();
  await insertEvents(trx, kind, tenantId, receivedAt, inserting);
  // A visitor's contact that arrived before a check-in saying no to follow-up goes with it, in the
  // transaction that stores the check-in (DESIGN §6: kept only with consent).
  await eraseWithoutConsent(
    trx,
    tenantId,
    inserting.filter(({ event }) => statesConsent(event)).map(({ event }) => event.subject),
  );
  // Like a pull, a push that reports what the device's row says, within a minute of its last
  // contact, leaves the row alone: the write held the region's lock for one more statement.
  const device = scope.auth.device;
  const reported = scope.contact ?? { version: null, pending: null };
  if (device && !contactIsCurrent(device.contact, reported, Date.parse(receivedAt))) {
    await trx
      .updateTable('devices')
      .set({
        last_seen_at: receivedAt,
        ...(scope.contact === undefined
          ? {}
          : { app_version: scope.contact.version, pending_at_last_contact: scope.contact.pending }),
      })
      .where('id', '=', device.id)
      .execute();
  }
  return result;
}

/** The café each session and ticket belongs to — where it was opened or checked in first — for
 * the café events among these (and the sessions their check-ins name). */
async function cafeHomes(
  trx: Transaction<Schema>,
  tenantId: string,
  events: readonly BewaarEvent[],
): Promise<Map<string, string>> {
  const homes = new Map<string, string>();
  const subjects = new Set<string>();
  for (const event of events) {
    if (!isCafeEventType(event.type)) continue;
    subjects.add(event.subject);
    if (event.type === 'visit.checked-in') subjects.add(event.data.session);
  }
  const unique = [...subjects];
  for (let start = 0; start < unique.length; start += INSERT_CHUNK) {
    const rows = await trx
      .selectFrom('events')
      .select(['subject', 'site'])
      .where('subject', 'in', unique.slice(start, start + INSERT_CHUNK))
      .where('tenant_id', '=', tenantId)
      .where('type', 'in', ['session.opened', 'visit.checked-in'])
      .orderBy('seq')
      .execute();
    for (const row of rows) if (!homes.has(row.subject)) homes.set(row.subject, row.site);
  }
  return homes;
}

/** Why a café event may not be stored at its site (its ticket or session is another café's),
 * or null. */
function otherCafe(event: BewaarEvent, homes: ReadonlyMap<string, string>): string | null {
  if (!isCafeEventType(event.type)) return null;
  const home = homes.get(event.subject);
  if (home !== undefined && home !== event.site) {
    return event.type.startsWith('visit.')
      ? `The ticket ${event.subject} was checked in at another repair café.`
      : `The session ${event.subject} belongs to another repair café.`;
  }
  if (event.type === 'visit.checked-in') {
    const session = homes.get(event.data.session);
    if (session !== undefined && session !== event.site)
      return `The session ${event.data.session} belongs to another repair café.`;
  }
  return null;
}

function otherRegion(event: BewaarEvent): Rejection {
  return {
    id: event.id,
    code: 'conflict',
    reason: 'other-region',
    message: `The code ${event.subject} belongs to another region.`,
  };
}

/** Which of these photos the tenant has. */
async function storedPhotos(
  trx: Transaction<Schema>,
  tenantId: string,
  hashes: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  if (hashes.length === 0) return found;
  const unique = [...new Set(hashes)];
  for (let start = 0; start < unique.length; start += INSERT_CHUNK) {
    const rows = await trx
      .selectFrom('photos')
      .select('sha256')
      .where('tenant_id', '=', tenantId)
      .where('sha256', 'in', unique.slice(start, start + INSERT_CHUNK))
      .execute();
    for (const row of rows) found.add(row.sha256);
  }
  return found;
}

/** The region each of these codes belongs to, where one does. */
async function ownersOf(
  trx: Transaction<Schema>,
  subjects: readonly string[],
): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  const unique = [...new Set(subjects)];
  for (let start = 0; start < unique.length; start += INSERT_CHUNK) {
    const rows = await trx
      .selectFrom('subject_owners')
      .select(['subject', 'tenant_id'])
      .where('subject', 'in', unique.slice(start, start + INSERT_CHUNK))
      .execute();
    for (const row of rows) owners.set(row.subject, row.tenant_id);
  }
  return owners;
}

/** Makes these codes the tenant's; returns those another region holds after all. */
async function claimCodes(
  trx: Transaction<Schema>,
  tenantId: string,
  subjects: readonly string[],
): Promise<Set<string>> {
  // In one order everywhere: two regions claiming the same codes in opposite orders would wait on
  // each other's unique-index entries on PostgreSQL (a deadlock).
  const unique = [...new Set(subjects)].sort();
  const lost = new Set<string>();
  for (let start = 0; start < unique.length; start += INSERT_CHUNK) {
    const part = unique.slice(start, start + INSERT_CHUNK);
    const won = await trx
      .insertInto('subject_owners')
      .values(part.map((subject) => ({ subject, tenant_id: tenantId })))
      .onConflict((oc) => oc.column('subject').doNothing())
      .returning('subject')
      .execute();
    if (won.length === part.length) continue;
    const taken = new Set(won.map((row) => row.subject));
    const others = await ownersOf(
      trx,
      part.filter((subject) => !taken.has(subject)),
    );
    for (const [subject, owner] of others) if (owner !== tenantId) lost.add(subject);
  }
  return lost;
}

type EventRow = Omit<EventsTable, 'seq'>;

/** Inserts the events, all of one tenant and one arrival; their seq follows the push's order. */
async function insertEvents(
  trx: Transaction<Schema>,
  kind: StoreKind,
  tenantId: string,
  receivedAt: string,
  events: readonly { event: BewaarEvent; body: string }[],
): Promise<void> {
  if (events.length === 0) return;
  const rows: EventRow[] = events.map(({ event, body }) => ({
    id: event.id,
    tenant_id: tenantId,
    type: event.type,
    subject: event.subject,
    hlc: event.hlc,
    device: event.device,
    actor: event.actor,
    site: event.site,
    body,
    received_at: receivedAt,
  }));
  if (kind === 'postgres') {
    // One statement of ten parameters, not ten per row (PostgreSQL parsing and planning a
    // statement of 5,000 parameters was about half of a push). The bodies, JSON text already, go
    // as one JSON array spliced from them: as a text[] the driver escaped every quote in them,
    // most of its work in a push (profile: ~0.1 s of 10,000 events). `json` keeps each element's
    // text as it came, so the stored body is the canonical body byte for byte; the ordinality
    // keeps the push's order for seq.
    const column = (key: keyof EventRow) => rows.map((row) => row[key]);
    const bodies = `[${column('body').join(',')}]`;
    await sql`insert into events (id, tenant_id, type, subject, hlc, device, actor, site, body, received_at)
      select c.id, ${tenantId}, c.type, c.subject, c.hlc, c.device, c.actor, c.site,
        b.body::text, ${receivedAt}
      from unnest(${column('id')}::text[], ${column('type')}::text[], ${column('subject')}::text[],
          ${column('hlc')}::text[], ${column('device')}::text[], ${column('actor')}::text[],
          ${column('site')}::text[])
        with ordinality as c(id, type, subject, hlc, device, actor, site, n)
      join json_array_elements(${bodies}::json) with ordinality as b(body, n) using (n)
      order by n`.execute(trx);
    return;
  }
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await trx
      .insertInto('events')
      .values(rows.slice(start, start + INSERT_CHUNK))
      .execute();
  }
}

/** One page of the tenant's log: the events after a position, oldest first. */
const logPage = prepared(3, (db, tenantId: string, after: number, limit: number) =>
  db
    .selectFrom('events')
    .select(['seq', 'body'])
    .where('tenant_id', '=', tenantId)
    .where('seq', '>', after)
    .orderBy('seq')
    .limit(limit),
);

/** How many of the tenant's events lie after a position (the index on (tenant_id, seq) alone). */
const countAfter = prepared(2, (db, tenantId: string, after: number) =>
  db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('seq', '>', after),
);

/** Up to `limit` of the tenant's events after `after`, oldest first, as their stored JSON. With
 * `count`, also how many come after the page (counted only when there are more: a device that is
 * up to date pays nothing for asking). */
export async function pullEvents(
  store: Store,
  tenantId: string,
  after: number,
  limit: number,
  count = false,
) {
  const rows = await logPage(store.db, tenantId, after, limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const cursor = last === undefined ? after : Number(last.seq);
  const more = rows.length > limit;
  let remaining: number | undefined;
  if (count)
    remaining = more ? Number((await countAfter(store.db, tenantId, cursor))[0]?.n ?? 0) : 0;
  return { bodies: page.map((row) => row.body), cursor: String(cursor), more, remaining };
}

// One sync round for one device: upload queued photos, push the outbox in batches, pull what is
// new since the cursor. Every step is safe to repeat: the server de-duplicates by event id, the
// device skips events it has, and the cursor only moves together with the events it covers.
import type { BewaarEvent } from '../domain';
import {
  acknowledge,
  LAST_SYNC,
  applyRemoteEvents,
  checkPulled,
  contactRefused,
  contactSent,
  contactsToSend,
  markRejected,
  pendingEvents,
  photoUploaded,
  PULL_CURSOR,
  queuedPhotos,
  type BewaarDexie,
} from '../storage';
import { ApiError, type Api, type PushResult } from './api';

export interface SyncContext {
  db: BewaarDexie;
  api: Api;
  /** This device's clock node (16 hex). */
  node: string;
  now: () => number;
  batchSize?: number;
  pullLimit?: number;
  /** Hears how far a pull of more than one page has come: after each stored page, and null when
   * it ends (done or failed). `total` is null when the server does not say how many there are. */
  onPull?: (progress: PullProgress | null) => void;
}

/** How many of the events a round is pulling are stored on the device. */
export interface PullProgress {
  done: number;
  total: number | null;
}

export interface SyncReport {
  pushed: number;
  duplicates: number;
  rejected: number;
  photos: number;
  pulled: number;
  /** Visitors' contacts the server took (and this device dropped). */
  contacts: number;
}

/** Runs photo upload, push and pull once; throws on the first network or server failure. */
export async function syncOnce(ctx: SyncContext): Promise<SyncReport> {
  const report: SyncReport = {
    pushed: 0,
    duplicates: 0,
    rejected: 0,
    photos: 0,
    pulled: 0,
    contacts: 0,
  };
  // Photos first: an event that names a photo should not reach other devices before it.
  for (const photo of await queuedPhotos(ctx.db)) {
    try {
      await ctx.api.putPhoto(photo.sha256, photo.blob);
    } catch (error) {
      // Too large or a type the server refuses: it will never be taken, and must not hold up
      // the rest. Anything else (network, server trouble) ends the round and is retried.
      if (!(error instanceof ApiError) || (error.status !== 413 && error.status !== 415))
        throw error;
    }
    await photoUploaded(ctx.db, photo.sha256);
    report.photos += 1;
  }
  const batchSize = ctx.batchSize ?? 200;
  // The outbox is read once a round, in clock order, and sent a batch at a time: reading it again
  // for every batch cost a device holding thousands of unsent events (a tablet offline for weeks)
  // the whole outbox per batch (30 s to push 10,000 in the PouchDB comparison, a busy machine).
  // What is recorded meanwhile goes with the next round (every write schedules one).
  const pending = await pendingEvents(ctx.db, Infinity);
  for (let i = 0; i < pending.length; i += batchSize) {
    const answered = await pushBatch(ctx, pending.slice(i, i + batchSize), report);
    // A server that answers for none of a batch is not going to answer for the rest.
    if (answered === 0) break;
  }
  // After the events: the server takes a contact for a ticket it knows.
  report.contacts = await sendContacts(ctx);
  let cursor = ((await ctx.db.meta.get(PULL_CURSOR))?.value as string | undefined) ?? null;
  const limit = ctx.pullLimit ?? 1000;
  // A page is fetched and checked (the page's own work) while the one before is stored
  // (IndexedDB's work).
  const fetchPage = async (after: string | null, count = false) => {
    const page = await ctx.api.pull(after, limit, count);
    return { ...page, checked: checkPulled(page.events) };
  };
  // The first page asks how many follow it (the server counts only when there are more), so a
  // long pull — a fresh device's first — can show how far it has come.
  let next = fetchPage(cursor, true);
  let progress: PullProgress | null = null;
  try {
    for (;;) {
      const page = await next;
      const more = page.more && page.cursor !== cursor;
      // The next page travels while this one is stored; it is only used once this one committed,
      // and a failure of either ends the round with the cursor where the last commit left it.
      if (more) {
        next = fetchPage(page.cursor);
        next.catch(() => undefined);
      }
      if (progress === null && more) {
        const total = page.remaining === undefined ? null : page.events.length + page.remaining;
        progress = { done: 0, total };
        ctx.onPull?.(progress);
      }
      const applied = await applyRemoteEvents(ctx.db, page.checked, page.cursor, {
        node: ctx.node,
        now: ctx.now(),
      });
      report.pulled += applied.added;
      if (progress) {
        const done: number = progress.done + page.events.length;
        // Events stored meanwhile make the pull longer than it was said to be.
        progress = { done, total: progress.total === null ? null : Math.max(progress.total, done) };
        ctx.onPull?.(progress);
      }
      if (!more) break;
      cursor = page.cursor;
    }
  } finally {
    if (progress) ctx.onPull?.(null);
  }
  await ctx.db.meta.put({ key: LAST_SYNC, value: ctx.now() });
  return report;
}

/** A contact the server refuses with one of these is kept to send again later: a timeout, too
 * many requests, or a server without the route yet (404). Sign-in (401) ends the round, as for
 * events; any other 4xx is the server's final word on that contact. */
const LATER = new Set([404, 408, 429]);

/** Sends the visitors' contacts this device holds; each is dropped once the server has it
 * (DESIGN §6: the door keeps its copy only until it is sent). A refusal is kept and shown. */
async function sendContacts(ctx: SyncContext): Promise<number> {
  let sent = 0;
  for (const row of await contactsToSend(ctx.db)) {
    const { ticket, firstName, phone, email } = row;
    try {
      await ctx.api.postCafeContact({
        ticket,
        firstName,
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
      });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 401) throw error;
      // The pull still runs: a contact that must wait holds up nothing else.
      if (error.status >= 500 || LATER.has(error.status)) break;
      await contactRefused(ctx.db, ticket, { code: error.code, message: error.message });
      continue;
    }
    await contactSent(ctx.db, ticket);
    sent += 1;
  }
  return sent;
}

/** Pushes one batch; a batch the server refuses as a whole (too large, or malformed) is split
 * until the one event at fault is found, which is then kept as rejected with the reason.
 * Returns how many events the server answered for. */
async function pushBatch(
  ctx: SyncContext,
  batch: BewaarEvent[],
  report: SyncReport,
): Promise<number> {
  try {
    // Read defensively: a proxy or a broken server may answer with parts missing.
    const result: Partial<PushResult> = await ctx.api.push(batch);
    // Only ids of this batch count: a confused answer must never drop an unsent event.
    const sent = new Set(batch.map((e) => e.id));
    const acked = [...(result.accepted ?? []), ...(result.duplicate ?? [])].filter((id) =>
      sent.has(id),
    );
    const rejected = (result.rejected ?? []).filter((r) => sent.has(r.id));
    await acknowledge(ctx.db, acked);
    await markRejected(ctx.db, rejected, new Map(batch.map((e) => [e.id, e.hlc])));
    report.pushed += (result.accepted ?? []).filter((id) => sent.has(id)).length;
    report.duplicates += (result.duplicate ?? []).filter((id) => sent.has(id)).length;
    report.rejected += rejected.length;
    return acked.length + rejected.length;
  } catch (error) {
    const wholeBatch = error instanceof ApiError && (error.status === 400 || error.status === 413);
    if (!wholeBatch) throw error;
    if (batch.length === 1) {
      const only = batch[0];
      if (only)
        await markRejected(ctx.db, [{ id: only.id, code: error.code, message: error.message }]);
      report.rejected += 1;
      return 1;
    }
    const half = Math.ceil(batch.length / 2);
    return (
      (await pushBatch(ctx, batch.slice(0, half), report)) +
      (await pushBatch(ctx, batch.slice(half), report))
    );
  }
}

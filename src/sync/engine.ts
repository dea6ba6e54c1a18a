// One sync round for one device: push the outbox in batches, upload queued photos, pull what is
// new since the cursor. Every step is safe to repeat: the server de-duplicates by event id, the
// device skips events it has, and the cursor only moves together with the events it covers.
import {
  acknowledge,
  applyRemoteEvents,
  markRejected,
  pendingEvents,
  photoUploaded,
  PULL_CURSOR,
  queuedPhotos,
  type BewaarDexie,
} from '../storage';
import { ApiError, type Api } from './api';

export interface SyncContext {
  db: BewaarDexie;
  api: Api;
  /** This device's clock node (16 hex). */
  node: string;
  now: () => number;
  batchSize?: number;
  pullLimit?: number;
}

export interface SyncReport {
  pushed: number;
  duplicates: number;
  rejected: number;
  photos: number;
  pulled: number;
}

export const LAST_SYNC = 'lastSync';

/** Runs push, photo upload and pull once; throws on the first network or server failure. */
export async function syncOnce(ctx: SyncContext): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, duplicates: 0, rejected: 0, photos: 0, pulled: 0 };
  const batchSize = ctx.batchSize ?? 200;
  for (;;) {
    const batch = await pendingEvents(ctx.db, batchSize);
    if (batch.length === 0) break;
    const result = await ctx.api.push(batch);
    await acknowledge(ctx.db, [...result.accepted, ...result.duplicate]);
    await markRejected(ctx.db, result.rejected);
    report.pushed += result.accepted.length;
    report.duplicates += result.duplicate.length;
    report.rejected += result.rejected.length;
    const answered = result.accepted.length + result.duplicate.length + result.rejected.length;
    // A server that answers for none of the batch would make this loop spin.
    if (answered === 0 || batch.length < batchSize) break;
  }
  for (const photo of await queuedPhotos(ctx.db)) {
    try {
      await ctx.api.putPhoto(photo.sha256, photo.blob);
    } catch (error) {
      // A photo the server will never take (wrong type, too large) must not block the queue.
      if (!(error instanceof ApiError) || error.status >= 500 || error.status === 401) throw error;
    }
    await photoUploaded(ctx.db, photo.sha256);
    report.photos += 1;
  }
  let cursor = ((await ctx.db.meta.get(PULL_CURSOR))?.value as string | undefined) ?? null;
  for (;;) {
    const page = await ctx.api.pull(cursor, ctx.pullLimit ?? 1000);
    const applied = await applyRemoteEvents(ctx.db, page.events, page.cursor, {
      node: ctx.node,
      now: ctx.now(),
    });
    report.pulled += applied.added;
    if (!page.more || page.cursor === cursor) break;
    cursor = page.cursor;
  }
  await ctx.db.meta.put({ key: LAST_SYNC, value: ctx.now() });
  return report;
}

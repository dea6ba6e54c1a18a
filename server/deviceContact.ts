// What a device tells the server on each push and pull (headers x-bewaar-version and
// x-bewaar-pending), kept on its row in devices for the coordinator's device list. A pull records
// it here; a push in its own transaction (eventStore.ts), with last_seen_at.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Schema } from './store/schema';

const VERSION = /^[A-Za-z0-9][A-Za-z0-9.+_-]{0,39}$/;
const PENDING = /^(0|[1-9][0-9]{0,8})$/;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The device's app version and outbox size from its headers; absent or garbage reads as null. */
export function contactHeaders(request: FastifyRequest): {
  version: string | null;
  pending: number | null;
} {
  const version = header(request, 'x-bewaar-version');
  const pending = header(request, 'x-bewaar-pending');
  return {
    version: version !== undefined && VERSION.test(version) ? version : null,
    pending: pending !== undefined && PENDING.test(pending) ? Number(pending) : null,
  };
}

/** How stale a device's recorded contact may get before a pull that reports nothing new writes. */
const CONTACT_EVERY_MS = 60_000;

/** Whether the device's row already says what it reports now, recorded within the last minute:
 * then a push or pull writes nothing to it. */
export function contactIsCurrent(
  known: { lastSeenAt: string | null; version: string | null; pending: number | null } | undefined,
  reported: { version: string | null; pending: number | null },
  nowMs: number,
): boolean {
  return (
    known?.lastSeenAt != null &&
    known.version === reported.version &&
    known.pending === reported.pending &&
    nowMs - Date.parse(known.lastSeenAt) < CONTACT_EVERY_MS
  );
}

/** Records the contact of the device behind an authenticated request; persons are skipped. A
 * pull that reports what the device's row already says, within a minute of its last recorded
 * contact, writes nothing: devices pull every few seconds, and on SQLite each write waits for the
 * disk on the server's only thread (under load, pulls were half of all commits). A failure
 * here is logged, never the sync's failure. */
export async function noteDeviceContact(
  db: Kysely<Schema>,
  request: FastifyRequest,
): Promise<void> {
  const deviceId = request.auth?.device?.id;
  if (deviceId === undefined) return;
  const { version, pending } = contactHeaders(request);
  if (contactIsCurrent(request.auth?.device?.contact, { version, pending }, Date.now())) return;
  try {
    await db
      .updateTable('devices')
      .set({
        last_seen_at: new Date().toISOString(),
        app_version: version,
        pending_at_last_contact: pending,
      })
      .where('id', '=', deviceId)
      .execute();
  } catch (error) {
    request.log.warn({ err: error }, 'could not record the device contact');
  }
}

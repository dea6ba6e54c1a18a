// Signing in (tables login_attempts and person_regions): each account's failed attempts, for a
// lockout that grows with every failure past the fifth and never lasts more than an hour; and
// the regions a person may work in.
import type { Kysely } from 'kysely';
import type { StoreKind } from './store/createStore';
import type { Schema } from './store/schema';

type Db = Kysely<Schema>;

/** Wrong passwords an account may have before it is locked. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;

// One key per account, whatever the case or spaces typed.
const keyOf = (username: string) => username.trim().toLowerCase();

/** After this long without an attempt, earlier failures no longer count: a lock grows with a
 * guesser who keeps going, not for ever with one wrong try a day. */
const FORGET_AFTER_MS = 24 * 3_600_000;

/**
 * Counts a sign-in attempt for the account BEFORE its password is checked, so attempts sent at
 * the same moment cannot all pass a check made before any of them failed. From the fifth counted
 * attempt on, the attempt itself locks the account for 1, 2, 4 … minutes (at most an hour); a good
 * password then clears it (clearFailures). Returns until when (ms) the account was already
 * locked, in which case the attempt is not made and not counted; null when it may go ahead.
 * Unknown usernames are counted too, so the answer tells nothing.
 */
export async function beginAttempt(
  db: Db,
  kind: StoreKind,
  username: string,
  nowMs: number,
): Promise<number | null> {
  const key = keyOf(username);
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_attempts')
      .values({ username: key, failures: 0, locked_until: null })
      .onConflict((oc) => oc.column('username').doNothing())
      .execute();
    let query = trx
      .selectFrom('login_attempts')
      .select(['failures', 'locked_until'])
      .where('username', '=', key);
    // SQLite has one writer at a time; PostgreSQL needs the row held against parallel attempts.
    if (kind === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirstOrThrow();
    const until = row.locked_until ? Date.parse(row.locked_until) : Number.NaN;
    if (until > nowMs) return until;
    const forgotten = until + FORGET_AFTER_MS < nowMs;
    const failures = (forgotten ? 0 : row.failures) + 1;
    const wait =
      failures < FREE_FAILURES
        ? null
        : Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), LONGEST_LOCK_MS);
    await trx
      .updateTable('login_attempts')
      .set({
        failures,
        locked_until: wait === null ? null : new Date(nowMs + wait).toISOString(),
      })
      .where('username', '=', key)
      .execute();
    return null;
  });
}

/** A good sign-in forgets the account's failures. */
export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', keyOf(username)).execute();
}

/** A person's new password, set by an admin (in Beheer or on the server's machine): whoever was
 * signed in as them is signed out, and a lockout from wrong guesses ends. Run in a transaction. */
export async function setNewPassword(
  db: Db,
  person: { id: string; username: string },
  hash: string,
  atMs: number,
): Promise<void> {
  await db.updateTable('people').set({ password_hash: hash }).where('id', '=', person.id).execute();
  await db
    .updateTable('tokens')
    .set({ revoked_at: new Date(atMs).toISOString() })
    .where('person_id', '=', person.id)
    .where('revoked_at', 'is', null)
    .execute();
  await clearFailures(db, person.username);
}

export interface Region {
  id: string;
  name: string;
}

/** The regions the person may work in, by name. */
export async function regionsOf(db: Db, personId: string): Promise<Region[]> {
  return db
    .selectFrom('person_regions')
    .innerJoin('tenants', 'tenants.id', 'person_regions.tenant_id')
    .select(['tenants.id', 'tenants.name'])
    .where('person_regions.person_id', '=', personId)
    .orderBy('tenants.name')
    .orderBy('tenants.id')
    .execute();
}

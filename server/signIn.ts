// Signing in (tables login_attempts and person_regions): each account's failed attempts, for a
// lockout that grows with every failure past the fifth and never lasts more than an hour; and
// the regions a person may work in.
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Schema } from './store/schema';

type Db = Kysely<Schema>;

/** Wrong passwords an account may have before it is locked. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;

// One key per account, whatever the case or spaces typed.
const keyOf = (username: string) => username.trim().toLowerCase();

/** Until when (ms) the account is locked, or null when it is not. */
export async function lockedUntil(db: Db, username: string, nowMs: number): Promise<number | null> {
  const row = await db
    .selectFrom('login_attempts')
    .select('locked_until')
    .where('username', '=', keyOf(username))
    .executeTakeFirst();
  const until = row?.locked_until ? Date.parse(row.locked_until) : Number.NaN;
  return until > nowMs ? until : null;
}

/** Counts a failed sign-in; from the fifth on, the account is locked for 1, 2, 4 … minutes, at
 * most an hour. Unknown usernames are counted too, so the answer tells nothing. */
export async function noteFailure(db: Db, username: string, nowMs: number): Promise<void> {
  const key = keyOf(username);
  await db
    .insertInto('login_attempts')
    .values({ username: key, failures: 1, locked_until: null })
    .onConflict((oc) =>
      oc.column('username').doUpdateSet({ failures: sql`login_attempts.failures + 1` }),
    )
    .execute();
  const row = await db
    .selectFrom('login_attempts')
    .select('failures')
    .where('username', '=', key)
    .executeTakeFirstOrThrow();
  if (row.failures < FREE_FAILURES) return;
  const wait = Math.min(FIRST_LOCK_MS * 2 ** (row.failures - FREE_FAILURES), LONGEST_LOCK_MS);
  await db
    .updateTable('login_attempts')
    .set({ locked_until: new Date(nowMs + wait).toISOString() })
    .where('username', '=', key)
    .execute();
}

/** A good sign-in forgets the account's failures. */
export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('username', '=', keyOf(username)).execute();
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

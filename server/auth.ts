// Tokens and passwords. A token is 32 random bytes (base64url) handed out once; the store keeps
// only its SHA-256, so a leaked database holds no usable token. Passwords: scrypt with a salt.
// A device's token lives until it is revoked; a person's (a sign-in) ends after 12 idle hours or
// 30 days, whichever comes first, and only works in a region the person is granted.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ApiError } from './errors';
import { prepared } from './store/prepared';
import type { Role, Schema, SiteKind } from './store/schema';

export interface AuthContext {
  tenantId: string;
  tokenHash: string;
  /** Set for a device token: the device and the site it is enrolled to, and (read with the
   * token) its last recorded contact (deviceContact.ts). */
  device: {
    id: string;
    siteId: string;
    siteKind: SiteKind;
    contact?: { lastSeenAt: string | null; version: string | null; pending: number | null };
  } | null;
  /** Set for a signed-in person's token. */
  person: { id: string; role: Role } | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

function scryptAsync(password: string, salt: Buffer, keylen: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

/** A self-describing scrypt hash: `scrypt$N$r$p$salt$key` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.keylen);
  const { N, r, p } = SCRYPT;
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** Whether the password matches the stored hash; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, , , , salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length);
  return timingSafeEqual(actual, expected);
}

/** A password has at least this many characters. */
export const PASSWORD_MIN = 10;

/** A sign-in ends after this long without a request… */
export const SESSION_IDLE_MS = 12 * 3_600_000;
/** …and after this long in any case. */
export const SESSION_MAX_MS = 30 * 24 * 3_600_000;
// A session's last use is written at most once a minute: a coordinator's screen polls every few
// seconds, and a write per request would be the most of what those requests cost.
const TOUCH_EVERY_MS = 60_000;

/** Stores a new token for a device or a person and returns it (the only time it is seen). */
export async function issueToken(
  db: Kysely<Schema>,
  owner: { tenantId: string; deviceId?: string; personId?: string; expiresAtMs?: number },
  nowMs: number = Date.now(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date(nowMs).toISOString();
  const person = owner.personId !== undefined;
  await db
    .insertInto('tokens')
    .values({
      hash: hashToken(token),
      tenant_id: owner.tenantId,
      device_id: owner.deviceId ?? null,
      person_id: owner.personId ?? null,
      created_at: now,
      revoked_at: null,
      last_used_at: person ? now : null,
      expires_at: person
        ? new Date(Math.min(owner.expiresAtMs ?? Infinity, nowMs + SESSION_MAX_MS)).toISOString()
        : null,
    })
    .execute();
  return token;
}

/** When a session just opened or used at `nowMs` ends unless it is used again (or at
 * `expiresAtMs`, its end for good, if that comes first). */
export function sessionEndsAfter(nowMs: number, expiresAtMs: number = Infinity): string {
  return new Date(
    Math.min(nowMs + SESSION_IDLE_MS, nowMs + SESSION_MAX_MS, expiresAtMs),
  ).toISOString();
}

/** The token with its device, the device's site and its person, by the token's hash. */
const tokenRow = prepared(1, (db, tokenHash: string) =>
  db
    .selectFrom('tokens')
    .leftJoin('devices', 'devices.id', 'tokens.device_id')
    .leftJoin('sites', 'sites.id', 'devices.site_id')
    .leftJoin('people', 'people.id', 'tokens.person_id')
    .leftJoin('person_regions as grants', (join) =>
      join
        .onRef('grants.person_id', '=', 'tokens.person_id')
        .onRef('grants.tenant_id', '=', 'tokens.tenant_id'),
    )
    .select([
      'tokens.tenant_id',
      'tokens.revoked_at',
      'tokens.last_used_at',
      'tokens.expires_at',
      'grants.person_id as granted',
      'tokens.device_id',
      'tokens.person_id',
      'devices.site_id',
      'devices.revoked_at as device_revoked_at',
      'devices.last_seen_at',
      'devices.app_version',
      'devices.pending_at_last_contact',
      'sites.kind as site_kind',
      'people.role',
      'people.active',
    ])
    .where('tokens.hash', '=', tokenHash),
);

const unauthorized = () =>
  new ApiError(401, 'unauthorized', 'Sign in or enroll this device first (no valid token).');

/** The caller behind the request's bearer token; throws 401 when there is none. */
export async function authenticate(
  db: Kysely<Schema>,
  request: FastifyRequest,
  nowMs: number = Date.now(),
): Promise<AuthContext> {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer ([A-Za-z0-9_-]{1,100})$/.exec(header);
  if (!match?.[1]) throw unauthorized();
  const tokenHash = hashToken(match[1]);
  const [row] = await tokenRow(db, tokenHash);
  if (!row) throw unauthorized();
  if (row.revoked_at !== null || row.device_revoked_at !== null) {
    throw new ApiError(401, 'token-revoked', 'This device or sign-in was revoked; enroll again.');
  }
  const device =
    row.device_id !== null && row.site_id !== null && row.site_kind !== null
      ? {
          id: row.device_id,
          siteId: row.site_id,
          siteKind: row.site_kind,
          contact: {
            lastSeenAt: row.last_seen_at,
            version: row.app_version,
            pending: row.pending_at_last_contact,
          },
        }
      : null;
  const person =
    row.person_id !== null && row.role !== null ? { id: row.person_id, role: row.role } : null;
  if (!device && !person) throw unauthorized();
  if (person) {
    // The region was taken from this person since, or they were switched off: the token no
    // longer opens anything (a sign-in racing a switch-off could still have handed it out).
    if (row.granted === null || row.active !== 1) throw unauthorized();
    const lastUsed = Date.parse(row.last_used_at ?? '');
    const ends = Math.min(lastUsed + SESSION_IDLE_MS, Date.parse(row.expires_at ?? ''));
    if (!(nowMs < ends)) {
      throw new ApiError(401, 'session-expired', 'Your session has ended; sign in again.');
    }
    if (nowMs - lastUsed >= TOUCH_EVERY_MS) {
      await db
        .updateTable('tokens')
        .set({ last_used_at: new Date(nowMs).toISOString() })
        .where('hash', '=', tokenHash)
        .execute();
    }
  }
  return { tenantId: row.tenant_id, tokenHash, device, person };
}

/** The authenticated caller of a route that runs behind requireAuth. */
export function caller(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

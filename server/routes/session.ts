// /session: a person (coordinator, admin) signs in with username and password and gets a token
// of their own for one of their regions; reads the session, switches region, changes their
// password, and signs out. Sign-in is limited per address (rate limit) and per account (lockout).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  caller,
  hashPassword,
  issueToken,
  PASSWORD_MIN,
  sessionEndsAfter,
  verifyPassword,
} from '../auth';
import type { AuthContext } from '../auth';
import { writeAudit } from '../audit';
import type { ServerContext } from '../context';
import { DEMO } from '../demo';
import { ApiError } from '../errors';
import { beginAttempt, clearFailures, regionsOf } from '../signIn';
import type { Region } from '../signIn';
import { bearer, errorSchema, personSchema, tenantSchema } from './schemas';

// Checked when the username is unknown, so a wrong name takes as long as a wrong password.
const decoy = hashPassword('decoy password, never matches');

/** A sign-in's answer (also set-up's, which signs the first admin in). */
export const sessionAnswer = {
  type: 'object',
  required: ['token', 'person', 'tenant', 'regions', 'expiresAt'],
  properties: {
    token: { type: 'string' },
    person: personSchema,
    tenant: tenantSchema,
    regions: {
      type: 'array',
      items: tenantSchema,
      description: 'every region the person may open',
    },
    expiresAt: {
      type: 'string',
      format: 'date-time',
      description: 'when the session ends unless used again (12 h idle, 30 days at most)',
    },
  },
} as const;

const invalid = () =>
  new ApiError(401, 'invalid-credentials', 'The username or password is not right.');

/** The signed-in person behind a request (a device token is refused). */
function personOf(request: FastifyRequest): AuthContext & { person: { id: string } } {
  const auth = caller(request);
  if (auth.person === null) {
    throw new ApiError(403, 'forbidden', 'Only a signed-in person has a session.');
  }
  return { ...auth, person: auth.person };
}

export function sessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.store.db;

  /** A fresh session of the person in the region, and what the app shows of it. */
  async function open(
    person: { id: string; name: string; role: string },
    region: Region,
    regions: Region[],
    expiresAtMs?: number,
  ) {
    const nowMs = ctx.now();
    const token = await issueToken(
      db,
      {
        tenantId: region.id,
        personId: person.id,
        ...(expiresAtMs === undefined ? {} : { expiresAtMs }),
      },
      nowMs,
    );
    return {
      token,
      person,
      tenant: region,
      regions,
      expiresAt: sessionEndsAfter(nowMs, expiresAtMs),
    };
  }

  app.post<{ Body: { username: string; password: string } }>(
    '/session',
    {
      config: { rateLimit: ctx.rateLimit },
      schema: {
        summary: 'Sign in a person (coordinator, admin)',
        tags: ['session'],
        body: {
          type: 'object',
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        response: { 200: sessionAnswer, 401: errorSchema, 429: errorSchema },
      },
    },
    async (request) => {
      const { username, password } = request.body;
      const nowMs = ctx.now();
      const locked = await beginAttempt(db, ctx.store.kind, username, nowMs);
      if (locked !== null) {
        throw new ApiError(
          429,
          'account-locked',
          `Too many wrong passwords for this account; try again after ${new Date(locked).toISOString()}.`,
        );
      }
      const person = await db
        .selectFrom('people')
        .select(['id', 'name', 'role', 'password_hash', 'tenant_id', 'active'])
        .where('username', '=', username.trim())
        .executeTakeFirst();
      const ok = await verifyPassword(password, person?.password_hash ?? (await decoy));
      // The demo's published password must not open a store that now runs for real.
      const demoOff = !ctx.demo && person?.tenant_id === DEMO.tenant.id;
      // Someone switched off in the admin screens signs in no more.
      const inactive = person?.active !== 1;
      // The attempt was counted before the check; a failure leaves it counted.
      if (!person || person.password_hash === null || !ok || demoOff || inactive) throw invalid();
      await clearFailures(db, username);
      const regions = await regionsOf(db, person.id);
      // Their own region first, else the first they were granted.
      const region = regions.find((r) => r.id === person.tenant_id) ?? regions[0];
      if (!region) throw invalid();
      return open({ id: person.id, name: person.name, role: person.role }, region, regions);
    },
  );

  app.get(
    '/session',
    {
      onRequest: ctx.requireAuth,
      schema: {
        summary: 'The signed-in person, their region now, the regions they may open',
        tags: ['session'],
        security: bearer,
        response: {
          200: {
            type: 'object',
            required: ['person', 'tenant', 'regions'],
            properties: {
              person: personSchema,
              tenant: tenantSchema,
              regions: sessionAnswer.properties.regions,
            },
          },
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (request) => {
      const auth = personOf(request);
      const person = await db
        .selectFrom('people')
        .select(['id', 'name', 'role'])
        .where('id', '=', auth.person.id)
        .executeTakeFirstOrThrow();
      const regions = await regionsOf(db, person.id);
      const tenant = regions.find((r) => r.id === auth.tenantId);
      if (!tenant) throw invalid();
      return { person, tenant, regions };
    },
  );

  app.post<{ Body: { tenant: string } }>(
    '/session/region',
    {
      onRequest: ctx.requireAuth,
      schema: {
        summary: 'Switch to another region the person may open (a new token; the old one ends)',
        tags: ['session'],
        security: bearer,
        body: {
          type: 'object',
          required: ['tenant'],
          additionalProperties: false,
          properties: { tenant: { type: 'string', minLength: 1, maxLength: 100 } },
        },
        response: { 200: sessionAnswer, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const auth = personOf(request);
      const regions = await regionsOf(db, auth.person.id);
      const region = regions.find((r) => r.id === request.body.tenant);
      if (!region) throw new ApiError(404, 'not-found', 'You may not open this region.');
      const person = await db
        .selectFrom('people')
        .select(['id', 'name', 'role'])
        .where('id', '=', auth.person.id)
        .executeTakeFirstOrThrow();
      // Another region, the same sign-in: it ends when the one it came from would have.
      const current = await db
        .selectFrom('tokens')
        .select('expires_at')
        .where('hash', '=', auth.tokenHash)
        .executeTakeFirstOrThrow();
      const ends = current.expires_at === null ? undefined : Date.parse(current.expires_at);
      const session = await open(person, region, regions, ends);
      await db
        .updateTable('tokens')
        .set({ revoked_at: new Date(ctx.now()).toISOString() })
        .where('hash', '=', auth.tokenHash)
        .execute();
      return session;
    },
  );

  app.post<{ Body: { current: string; next: string } }>(
    '/session/password',
    {
      onRequest: ctx.requireAuth,
      config: { rateLimit: ctx.rateLimit },
      schema: {
        summary: 'Change your own password; your other sessions end',
        tags: ['session'],
        security: bearer,
        body: {
          type: 'object',
          required: ['current', 'next'],
          additionalProperties: false,
          properties: {
            current: { type: 'string', minLength: 1, maxLength: 200 },
            next: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        response: {
          204: { type: 'null', description: 'changed' },
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const auth = personOf(request);
      const { current, next } = request.body;
      const row = await db
        .selectFrom('people')
        .select('password_hash')
        .where('id', '=', auth.person.id)
        .executeTakeFirstOrThrow();
      if (row.password_hash === null || !(await verifyPassword(current, row.password_hash))) {
        throw new ApiError(400, 'wrong-password', 'The current password is not right.');
      }
      if (next.length < PASSWORD_MIN) {
        throw new ApiError(
          400,
          'password-too-short',
          `A password has at least ${PASSWORD_MIN} characters.`,
        );
      }
      if (next === current) {
        throw new ApiError(400, 'password-unchanged', 'The new password is the old one.');
      }
      const hash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('people')
          .set({ password_hash: hash })
          .where('id', '=', auth.person.id)
          .execute();
        // Anyone else signed in as this person is signed out; this browser stays in.
        await trx
          .updateTable('tokens')
          .set({ revoked_at: new Date(ctx.now()).toISOString() })
          .where('person_id', '=', auth.person.id)
          .where('hash', '!=', auth.tokenHash)
          .where('revoked_at', 'is', null)
          .execute();
        await writeAudit(trx, {
          tenantId: auth.tenantId,
          actor: auth.person.id,
          action: 'person.password-changed',
          target: auth.person.id,
          details: {},
        });
      });
      return reply.status(204).send();
    },
  );

  app.delete(
    '/session',
    {
      onRequest: ctx.requireAuth,
      schema: {
        summary: 'Sign out: this token stops working at once',
        tags: ['session'],
        security: bearer,
        response: {
          204: { type: 'null', description: 'signed out' },
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const auth = personOf(request);
      await db
        .updateTable('tokens')
        .set({ revoked_at: new Date(ctx.now()).toISOString() })
        .where('hash', '=', auth.tokenHash)
        .execute();
      return reply.status(204).send();
    },
  );
}

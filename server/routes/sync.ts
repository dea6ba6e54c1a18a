// POST /sync/push and GET /sync/pull: devices send their outbox and fetch the tenant's log by
// cursor. The event log itself lives in ../eventStore.ts.
import type { FastifyInstance } from 'fastify';
import { caller } from '../auth';
import type { AuthContext } from '../auth';
import type { ServerContext } from '../context';
import { contactHeaders } from '../deviceContact';
import { pullEvents, pushEvents } from '../eventStore';
import { prepared } from '../store/prepared';
import type { PushScope } from '../pushCheck';
import type { Role, SiteKind } from '../store/schema';
import { bearer, errorSchema } from './schemas';

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;

// Shape only: each event's content is checked one by one, so one bad event never blocks others.
const eventShape = {
  type: 'object',
  required: ['id', 'type', 'subject', 'hlc', 'device', 'actor', 'site', 'data'],
  properties: {
    id: text(64),
    type: { type: 'string', pattern: '^(item|cage|session|visit)\\.[a-z-]{1,40}$' },
    subject: text(32),
    hlc: text(64),
    device: text(100),
    actor: text(100),
    site: text(100),
    data: { type: 'object' },
  },
} as const;

const idList = { type: 'array', items: { type: 'string' } } as const;

export const PULL_DEFAULT = 500;
export const PULL_MAX = 1000;

const rosterOf = prepared(2, (db, siteId: string, tenantId: string) =>
  db
    .selectFrom('roster')
    .innerJoin('people', 'people.id', 'roster.person_id')
    .select(['people.id', 'people.role'])
    .where('roster.site_id', '=', siteId)
    .where('people.tenant_id', '=', tenantId),
);

/** How long a site's roster read for one push serves the next ones. A roster changes a few
 * times a month, a site's devices push many times a minute. A person added since is never
 * refused for it: a push naming someone the kept roster lacks reads it again. One taken off may
 * still be accepted for these seconds. */
const ROSTER_KEEP_MS = 10_000;
const rosters = new WeakMap<object, Map<string, { at: number; ids: Map<string, Role> }>>();

/** The people on the device's site roster with their roles, as kept or read now. */
async function rosterFor(
  ctx: ServerContext,
  device: { siteId: string },
  tenantId: string,
  actors: readonly unknown[],
): Promise<Map<string, Role>> {
  let bySite = rosters.get(ctx.store);
  if (!bySite) {
    bySite = new Map();
    rosters.set(ctx.store, bySite);
  }
  const key = `${tenantId}\u0000${device.siteId}`;
  const kept = bySite.get(key);
  const now = ctx.now();
  if (kept && now - kept.at < ROSTER_KEEP_MS && actors.every((a) => kept.ids.has(a as string)))
    return kept.ids;
  const rows = await rosterOf(ctx.store.db, device.siteId, tenantId);
  const ids = new Map(rows.map((row) => [row.id, row.role]));
  bySite.set(key, { at: now, ids });
  return ids;
}

/** What checkEvent needs to know of the sender's tenant: a device's events are checked against
 * its site's roster, a signed-in person's against the tenant's sites; each push reads only the
 * one its sender needs. */
async function scopeOf(
  ctx: ServerContext,
  auth: AuthContext,
  events: readonly unknown[],
): Promise<PushScope> {
  const db = ctx.store.db;
  if (auth.device) {
    const actors = events.map((e) => (e as { actor?: unknown } | null)?.actor);
    const roster = await rosterFor(ctx, auth.device, auth.tenantId, actors);
    return { auth, sites: new Map(), roster };
  }
  const siteRows = await db
    .selectFrom('sites')
    .select(['id', 'kind'])
    .where('tenant_id', '=', auth.tenantId)
    .execute();
  const sites = new Map<string, SiteKind>(siteRows.map((s) => [s.id, s.kind]));
  if (auth.person?.role !== 'organiser') return { auth, sites, roster: new Map() };
  const own = await db
    .selectFrom('roster')
    .select('site_id')
    .where('person_id', '=', auth.person.id)
    .execute();
  return { auth, sites, roster: new Map(), ownSites: new Set(own.map((r) => r.site_id)) };
}

export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: { events: unknown[] } }>(
    '/sync/push',
    {
      // The device's contact is recorded inside the push transaction (eventStore.ts).
      onRequest: ctx.requireAuth,
      schema: {
        summary: 'Send events (1–500); each is accepted, a duplicate, or rejected with a reason',
        tags: ['sync'],
        security: bearer,
        body: {
          type: 'object',
          required: ['events'],
          properties: { events: { type: 'array', minItems: 1, maxItems: 500, items: eventShape } },
        },
        response: {
          200: {
            type: 'object',
            required: ['accepted', 'duplicate', 'rejected'],
            properties: {
              accepted: idList,
              duplicate: idList,
              rejected: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'code', 'message'],
                  properties: {
                    id: { type: 'string' },
                    code: {
                      type: 'string',
                      enum: ['invalid', 'forbidden', 'rule', 'conflict', 'clock'],
                    },
                    reason: {
                      type: 'string',
                      enum: ['other-region', 'photo-missing'],
                      description:
                        'conflict: the code belongs to another region; rule: the photo named was never uploaded',
                    },
                    message: { type: 'string' },
                  },
                },
              },
            },
          },
          400: errorSchema,
          401: errorSchema,
          413: errorSchema,
        },
      },
    },
    async (request) => {
      const auth = caller(request);
      const scope = {
        ...(await scopeOf(ctx, auth, request.body.events)),
        contact: contactHeaders(request),
        nowMs: Date.now(),
      };
      const result = await pushEvents(ctx.store, scope, request.body.events);
      if (result.accepted.length > 0) ctx.projector.afterPush(scope.auth.tenantId);
      return result;
    },
  );

  app.get<{ Querystring: { after?: string; limit?: string; count?: 'true' | 'false' } }>(
    '/sync/pull',
    {
      onRequest: ctx.requireSyncAuth,
      schema: {
        summary: "The tenant's events stored after the cursor, oldest first",
        tags: ['sync'],
        security: bearer,
        querystring: {
          type: 'object',
          properties: {
            after: {
              type: 'string',
              pattern: '^(0|[1-9][0-9]{0,14})$',
              description: 'cursor from the last pull',
            },
            limit: {
              type: 'string',
              pattern: '^[1-9][0-9]{0,5}$',
              description: `default ${PULL_DEFAULT}, at most ${PULL_MAX}`,
            },
            count: {
              type: 'string',
              enum: ['true', 'false'],
              description:
                'also answer `remaining`, how many events come after this page (a progress bar for a first sync)',
            },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['events', 'cursor', 'more'],
            properties: {
              events: { type: 'array', items: { type: 'object', additionalProperties: true } },
              cursor: { type: 'string' },
              more: { type: 'boolean' },
              remaining: {
                type: 'integer',
                minimum: 0,
                description:
                  "only when asked with `count`: how many of the tenant's events come after `cursor` (0 when `more` is false)",
              },
            },
          },
          400: errorSchema,
          401: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const auth = caller(request);
      const after = Number(request.query.after ?? '0');
      const limit = Math.min(Number(request.query.limit ?? PULL_DEFAULT), PULL_MAX);
      const count = request.query.count === 'true';
      const page = await pullEvents(ctx.store, auth.tenantId, after, limit, count);
      ctx.projector.afterPull(auth.tenantId);
      // The stored bodies are JSON already: splice them in rather than parse and re-serialise.
      const remaining =
        page.remaining === undefined ? '' : `,"remaining":${String(page.remaining)}`;
      const json = `{"events":[${page.bodies.join(',')}],"cursor":${JSON.stringify(page.cursor)},"more":${String(page.more)}${remaining}}`;
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );
}

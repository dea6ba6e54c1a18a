// /admin/items and /admin/audit: the coordinator finds items in the item projection (table items)
// by code or text, and reads the audit log of administrative changes.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { categoryById, CATEGORIES, hlcWallMs, parseCode } from '../../src/domain/index';
import type { FigureItem } from '../../src/domain/index';
import { listAudit } from '../audit';
import type { ServerContext } from '../context';
import { catchUpItems } from '../projector';
import type { Schema } from '../store/schema';
import { adminCaller, adminSchema, limitOf } from './adminCommon';

const ITEMS_DEFAULT = 50;
const ITEMS_MAX = 200;
const AUDIT_DEFAULT = 100;
const AUDIT_MAX = 500;

const limitQuery = (max: number) =>
  ({ type: 'string', pattern: '^[0-9]{1,4}$', description: `1 to ${max}` }) as const;
const nullableString = { type: 'string', nullable: true } as const;

const itemSchema = {
  type: 'object',
  required: ['code', 'category', 'brand', 'model', 'status', 'site', 'registeredAt', 'note'],
  properties: {
    code: { type: 'string' },
    category: { type: 'integer', nullable: true, description: 'ORDS product category id' },
    brand: nullableString,
    model: nullableString,
    status: { type: 'string' },
    site: { ...nullableString, description: 'site id of the registration' },
    registeredAt: { ...nullableString, format: 'date-time' },
    note: nullableString,
  },
} as const;

/** An hlc's wall-clock time as ISO 8601, or null. */
export function hlcIso(hlc: string | null): string | null {
  if (hlc === null) return null;
  const ms = hlcWallMs(hlc);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

function itemView(item: FigureItem) {
  return {
    code: item.code,
    category: item.category,
    brand: item.brand,
    model: item.model,
    status: item.status,
    site: item.site,
    registeredAt: hlcIso(item.registeredAt),
    note: item.note,
  };
}

/** Whether the lower-cased needle is in the item's words or its category's Dutch name. */
function matches(item: FigureItem, needle: string): boolean {
  const category = item.category === null ? undefined : categoryById(item.category);
  return [item.brand, item.model, item.description, item.note, category?.name.nl].some(
    (field) => field?.toLocaleLowerCase('nl').includes(needle) === true,
  );
}

// Plain ASCII without LIKE's or JSON's special characters: then a LIKE over the stored JSON can
// narrow the rows without ever dropping a match (SQLite's lower() only folds ASCII).
const PREFILTER = /^[A-Za-z0-9 .,:;'()/+&#*-]+$/;

async function searchItems(db: Kysely<Schema>, tenantId: string, q: string, limit: number) {
  const base = db.selectFrom('items').select('state').where('tenant_id', '=', tenantId);
  const parsed = parseCode(q);
  if (parsed.ok) {
    const exact = await base.where('code', '=', parsed.code).executeTakeFirst();
    if (exact) return { items: [JSON.parse(exact.state) as FigureItem], total: 1 };
  }
  const needle = q.toLocaleLowerCase('nl');
  let query = base;
  if (needle !== '' && PREFILTER.test(needle)) {
    const categories = CATEGORIES.filter((c) =>
      c.name.nl.toLocaleLowerCase('nl').includes(needle),
    ).map((c) => c.id);
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['state']), 'like', `%${needle}%`),
        ...(categories.length > 0 ? [eb('category', 'in', categories)] : []),
      ]),
    );
  }
  const found = (await query.execute())
    .map((row) => JSON.parse(row.state) as FigureItem)
    .filter((item) => needle === '' || matches(item, needle))
    // Newest registration first; items without one last, then by code.
    .sort(
      (a, b) =>
        (b.registeredAt ?? '').localeCompare(a.registeredAt ?? '') || a.code.localeCompare(b.code),
    );
  return { items: found.slice(0, limit), total: found.length };
}

export function adminItemRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { q?: string; limit?: string } }>(
    '/items',
    {
      schema: adminSchema('Find items by code (forgiving) or by text', {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: {
            q: {
              type: 'string',
              maxLength: 200,
              description:
                'a code (exact match first) or text in brand, model, description, note or the Dutch category name',
            },
            limit: limitQuery(ITEMS_MAX),
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['items', 'total'],
            properties: {
              items: { type: 'array', items: itemSchema },
              total: { type: 'integer', description: 'all matches, of which `limit` are listed' },
            },
          },
        },
      }),
    },
    async (request) => {
      const who = adminCaller(request);
      const limit = limitOf(request.query.limit, ITEMS_DEFAULT, ITEMS_MAX);
      const q = (request.query.q ?? '').trim();
      await catchUpItems(ctx.store, who.tenantId);
      const { items, total } = await searchItems(ctx.store.db, who.tenantId, q, limit);
      return { items: items.map(itemView), total };
    },
  );

  app.get<{ Querystring: { limit?: string } }>(
    '/audit',
    {
      schema: adminSchema('Administrative changes of the region, newest first', {
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { limit: limitQuery(AUDIT_MAX) },
        },
        response: {
          200: {
            type: 'object',
            required: ['entries'],
            properties: {
              entries: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'at', 'actor', 'actorName', 'action', 'target', 'details'],
                  properties: {
                    id: { type: 'string' },
                    at: { type: 'string', format: 'date-time' },
                    actor: { ...nullableString, description: 'person id; null for a device' },
                    actorName: nullableString,
                    action: { type: 'string' },
                    target: { type: 'string' },
                    details: { type: 'object', additionalProperties: true },
                  },
                },
              },
              names: {
                type: 'object',
                additionalProperties: { type: 'string' },
                description:
                  "today's names of the people, devices, sites and region the entries name (target, details' site or sites, and codeBy: the person whose enrollment code a device used), by id",
              },
            },
          },
        },
      }),
    },
    async (request) => {
      const who = adminCaller(request);
      const limit = limitOf(request.query.limit, AUDIT_DEFAULT, AUDIT_MAX);
      return await listAudit(ctx.store.db, who.tenantId, limit);
    },
  );
}

// /admin/sites: the coordinator lists, creates and renames parks and shops (table sites), each
// change with its audit row in one transaction.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit';
import type { ServerContext } from '../context';
import { createSite } from '../directory';
import type { Schema, SiteKind } from '../store/schema';
import {
  adminCaller,
  adminSchema,
  adminSiteSchema,
  badRequest,
  conflict,
  idParams,
  notFound,
  nullableText,
  text,
} from './adminCommon';
import { errorSchema } from './schemas';

interface SiteBody {
  name: string;
  kind: SiteKind;
  address?: string | null;
  intercommunale?: string | null;
}
type SitePatch = Partial<Omit<SiteBody, 'kind'>>;

const siteFields = {
  name: text(100),
  address: nullableText(300),
  intercommunale: nullableText(100),
};
const siteAnswer = { type: 'object', required: ['site'], properties: { site: adminSiteSchema } };

/** Empty text clears an optional field. */
const orNull = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
};

/** The tenant's sites (or one) with their active rosters, by name. */
export async function loadSites(db: Kysely<Schema>, tenantId: string, onlyId?: string) {
  let query = db
    .selectFrom('sites')
    .select(['id', 'name', 'kind', 'address', 'intercommunale'])
    .where('tenant_id', '=', tenantId);
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  const sites = await query.orderBy('name').execute();
  const roster = await db
    .selectFrom('roster')
    .innerJoin('people', 'people.id', 'roster.person_id')
    .select(['roster.site_id', 'people.id', 'people.name', 'people.role'])
    .where('people.tenant_id', '=', tenantId)
    .where('people.active', '=', 1)
    .orderBy('people.name')
    .execute();
  return sites.map((site) => ({
    ...site,
    people: roster
      .filter((entry) => entry.site_id === site.id)
      .map(({ id, name, role }) => ({ id, name, role })),
  }));
}

async function assertNameFree(db: Kysely<Schema>, tenantId: string, name: string, self?: string) {
  const rows = await db
    .selectFrom('sites')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const wanted = name.toLocaleLowerCase('nl');
  if (rows.some((row) => row.id !== self && row.name.toLocaleLowerCase('nl') === wanted))
    throw conflict(`Your region already has a site called "${name}".`);
}

export function adminSiteRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/sites',
    {
      schema: adminSchema("The region's parks and shops with their rosters", {
        response: {
          200: {
            type: 'object',
            required: ['sites'],
            properties: { sites: { type: 'array', items: adminSiteSchema } },
          },
        },
      }),
    },
    async (request) => ({ sites: await loadSites(ctx.store.db, adminCaller(request).tenantId) }),
  );

  app.post<{ Body: SiteBody }>(
    '/sites',
    {
      schema: adminSchema('Add a park or shop', {
        body: {
          type: 'object',
          required: ['name', 'kind'],
          additionalProperties: false,
          properties: { ...siteFields, kind: { type: 'string', enum: ['park', 'shop'] } },
        },
        response: { 201: siteAnswer, 409: errorSchema },
      }),
    },
    async (request, reply) => {
      const who = adminCaller(request);
      const name = request.body.name.trim();
      if (name === '') throw badRequest('A site needs a name.');
      const site = await ctx.store.db.transaction().execute(async (trx) => {
        await assertNameFree(trx, who.tenantId, name);
        const created = await createSite(trx, {
          tenantId: who.tenantId,
          name,
          kind: request.body.kind,
          address: orNull(request.body.address),
          intercommunale: orNull(request.body.intercommunale),
        });
        const { id, ...details } = created;
        await writeAudit(trx, {
          tenantId: who.tenantId,
          actor: who.person.id,
          action: 'site.created',
          target: id,
          details,
        });
        return { ...created, people: [] };
      });
      return reply.status(201).send({ site });
    },
  );

  app.patch<{ Params: { id: string }; Body: SitePatch }>(
    '/sites/:id',
    {
      schema: adminSchema('Rename a site or change its address or intercommunale', {
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: siteFields,
        },
        response: { 200: siteAnswer, 404: errorSchema, 409: errorSchema },
      }),
    },
    async (request) => {
      const who = adminCaller(request);
      const { id } = request.params;
      const body = request.body;
      const site = await ctx.store.db.transaction().execute(async (trx) => {
        const [before] = await loadSites(trx, who.tenantId, id);
        if (!before) throw notFound('This site');
        const changes: { name?: string; address?: string | null; intercommunale?: string | null } =
          {};
        if (body.name !== undefined) {
          const name = body.name.trim();
          if (name === '') throw badRequest('A site needs a name.');
          await assertNameFree(trx, who.tenantId, name, id);
          if (name !== before.name) changes.name = name;
        }
        for (const field of ['address', 'intercommunale'] as const) {
          const value = body[field];
          if (value !== undefined && orNull(value) !== before[field])
            changes[field] = orNull(value);
        }
        if (Object.keys(changes).length === 0) return before;
        await trx
          .updateTable('sites')
          .set(changes)
          .where('id', '=', id)
          .where('tenant_id', '=', who.tenantId)
          .execute();
        await writeAudit(trx, {
          tenantId: who.tenantId,
          actor: who.person.id,
          action: 'site.updated',
          target: id,
          details: changes,
        });
        return { ...before, ...changes };
      });
      return { site };
    },
  );
}

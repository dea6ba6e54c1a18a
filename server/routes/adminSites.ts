// /admin/sites: the coordinator lists, creates and renames parks, shops and repair cafés (table
// sites), each change with its audit row in one transaction.
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
  ordsGroup?: string | null;
  contactRetentionDays?: number;
}
type SitePatch = Partial<Omit<SiteBody, 'kind'>>;

/** How long a café may keep a visitor's contact, in days. */
const RETENTION_MAX = 730;

const siteFields = {
  name: text(100),
  address: nullableText(300),
  intercommunale: nullableText(100),
  ordsGroup: {
    ...nullableText(100),
    description: "a café's ORDS group_identifier (default its name)",
  },
  contactRetentionDays: {
    type: 'integer',
    description: "a café's days to keep a visitor's follow-up contact (default 90)",
  },
};
const siteAnswer = { type: 'object', required: ['site'], properties: { site: adminSiteSchema } };

/** Empty text clears an optional field. */
const orNull = (value: string | null | undefined) => {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? null : trimmed;
};

/** The café settings a body brings, checked: only a café has them. */
function cafeSettings(kind: SiteKind, body: SitePatch) {
  const given = body.ordsGroup !== undefined || body.contactRetentionDays !== undefined;
  if (given && kind !== 'cafe')
    throw badRequest('Only a repair café has an ORDS group and a contact retention period.');
  const days = body.contactRetentionDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > RETENTION_MAX))
    throw badRequest(`contactRetentionDays is a whole number of days from 1 to ${RETENTION_MAX}.`);
  return { ordsGroup: orNull(body.ordsGroup), contactRetentionDays: days };
}

/** The tenant's sites (or one) with their active rosters, by name. */
export async function loadSites(db: Kysely<Schema>, tenantId: string, onlyId?: string) {
  let query = db
    .selectFrom('sites')
    .select([
      'id',
      'name',
      'kind',
      'address',
      'intercommunale',
      'ords_group',
      'contact_retention_days',
    ])
    .where('tenant_id', '=', tenantId);
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  const rows = await query.orderBy('name').execute();
  const sites = rows.map(({ ords_group, contact_retention_days, ...site }) => ({
    ...site,
    ordsGroup: site.kind === 'cafe' ? (ords_group ?? site.name) : null,
    contactRetentionDays: site.kind === 'cafe' ? contact_retention_days : null,
  }));
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
      schema: adminSchema("The region's parks, shops and repair cafés with their rosters", {
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
      schema: adminSchema('Add a park, shop or repair café', {
        body: {
          type: 'object',
          required: ['name', 'kind'],
          additionalProperties: false,
          properties: { ...siteFields, kind: { type: 'string', enum: ['park', 'shop', 'cafe'] } },
        },
        response: { 201: siteAnswer, 409: errorSchema },
      }),
    },
    async (request, reply) => {
      const who = adminCaller(request);
      const name = request.body.name.trim();
      if (name === '') throw badRequest('A site needs a name.');
      const cafe = cafeSettings(request.body.kind, request.body);
      const site = await ctx.store.db.transaction().execute(async (trx) => {
        await assertNameFree(trx, who.tenantId, name);
        const created = await createSite(trx, {
          tenantId: who.tenantId,
          name,
          kind: request.body.kind,
          address: orNull(request.body.address),
          intercommunale: orNull(request.body.intercommunale),
          ordsGroup: cafe.ordsGroup,
          ...(cafe.contactRetentionDays === undefined
            ? {}
            : { contactRetentionDays: cafe.contactRetentionDays }),
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
      schema: adminSchema(
        "Rename a site or change its address, intercommunale, or a café's ORDS group or contact retention",
        {
          params: idParams,
          body: {
            type: 'object',
            additionalProperties: false,
            properties: siteFields,
          },
          response: { 200: siteAnswer, 404: errorSchema, 409: errorSchema },
        },
      ),
    },
    async (request) => {
      const who = adminCaller(request);
      const { id } = request.params;
      const body = request.body;
      const site = await ctx.store.db.transaction().execute(async (trx) => {
        const [before] = await loadSites(trx, who.tenantId, id);
        if (!before) throw notFound('This site');
        const cafe = cafeSettings(before.kind, body);
        const changes: {
          name?: string;
          address?: string | null;
          intercommunale?: string | null;
          ordsGroup?: string;
          contactRetentionDays?: number;
        } = {};
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
        // An empty ORDS group goes back to the café's name.
        const name = changes.name ?? before.name;
        if (body.ordsGroup !== undefined && (cafe.ordsGroup ?? name) !== before.ordsGroup)
          changes.ordsGroup = cafe.ordsGroup ?? name;
        const days = cafe.contactRetentionDays;
        if (days !== undefined && days !== before.contactRetentionDays)
          changes.contactRetentionDays = days;
        if (Object.keys(changes).length === 0) return before;
        const { ordsGroup, contactRetentionDays, ...plain } = changes;
        await trx
          .updateTable('sites')
          .set({
            ...plain,
            ...(ordsGroup === undefined ? {} : { ords_group: ordsGroup }),
            ...(contactRetentionDays === undefined
              ? {}
              : { contact_retention_days: contactRetentionDays }),
          })
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

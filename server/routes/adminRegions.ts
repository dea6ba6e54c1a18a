// /admin/regions: an admin lists, creates and renames the regions (tenants) they administer, with
// their parks and shops, and gives other coordinators or admins access to them (person_regions).
// Each change writes its audit row in the same transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit';
import type { ServerContext } from '../context';
import { createTenant } from '../directory';
import { ApiError } from '../errors';
import { regionsOf } from '../signIn';
import type { Schema } from '../store/schema';
import { adminCaller, adminSchema, badRequest, conflict, idParams, text } from './adminCommon';
import type { AdminCaller } from './adminCommon';
import { errorSchema } from './schemas';

const regionSchema = {
  type: 'object',
  required: ['id', 'name', 'sites', 'people'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    sites: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'kind'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } },
      },
    },
    people: {
      type: 'array',
      description: 'who may sign in to this region',
      items: {
        type: 'object',
        required: ['id', 'name', 'role', 'username'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          role: { type: 'string' },
          username: { type: 'string' },
        },
      },
    },
  },
} as const;
const regionAnswer = { type: 'object', required: ['region'], properties: { region: regionSchema } };

/** An admin, or a 403: coordinators run their region, admins run regions. */
function adminOnly(request: FastifyRequest): AdminCaller {
  const who = adminCaller(request);
  if (who.person.role !== 'admin') {
    throw new ApiError(403, 'forbidden', 'Only an admin may manage regions.');
  }
  return who;
}

/** The regions the admin may manage, each with its sites and who may sign in to it. */
async function loadRegions(db: Kysely<Schema>, personId: string, onlyId?: string) {
  const regions = (await regionsOf(db, personId)).filter(
    (r) => onlyId === undefined || r.id === onlyId,
  );
  if (regions.length === 0) return [];
  const ids = regions.map((r) => r.id);
  const sites = await db
    .selectFrom('sites')
    .select(['id', 'name', 'kind', 'tenant_id'])
    .where('tenant_id', 'in', ids)
    .orderBy('name')
    .execute();
  const people = await db
    .selectFrom('person_regions')
    .innerJoin('people', 'people.id', 'person_regions.person_id')
    .select([
      'people.id',
      'people.name',
      'people.role',
      'people.username',
      'person_regions.tenant_id',
    ])
    .where('person_regions.tenant_id', 'in', ids)
    .orderBy('people.name')
    .execute();
  return regions.map((region) => ({
    ...region,
    sites: sites
      .filter((s) => s.tenant_id === region.id)
      .map(({ id, name, kind }) => ({ id, name, kind })),
    people: people
      .filter((p) => p.tenant_id === region.id)
      .map(({ id, name, role, username }) => ({ id, name, role, username: username ?? '' })),
  }));
}

async function oneRegion(db: Kysely<Schema>, who: AdminCaller, id: string) {
  const [region] = await loadRegions(db, who.person.id, id);
  if (!region) throw new ApiError(404, 'not-found', 'You do not administer this region.');
  return region;
}

async function assertNameFree(db: Kysely<Schema>, name: string, self?: string) {
  const rows = await db.selectFrom('tenants').select(['id', 'name']).execute();
  const wanted = name.toLocaleLowerCase('nl');
  if (rows.some((row) => row.id !== self && row.name.toLocaleLowerCase('nl') === wanted))
    throw conflict(`There is already a region called "${name}".`);
}

export function adminRegionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.store.db;

  app.get(
    '/regions',
    {
      schema: adminSchema('The regions you administer, with their sites and who may sign in', {
        response: {
          200: {
            type: 'object',
            required: ['regions'],
            properties: { regions: { type: 'array', items: regionSchema } },
          },
        },
      }),
    },
    async (request) => {
      const who = adminOnly(request);
      return { regions: await loadRegions(db, who.person.id) };
    },
  );

  app.post<{ Body: { name: string } }>(
    '/regions',
    {
      schema: adminSchema('Create a region; you administer it', {
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: text(100) },
        },
        response: { 201: regionAnswer, 409: errorSchema },
      }),
    },
    async (request, reply) => {
      const who = adminOnly(request);
      const name = request.body.name.trim();
      if (name === '') throw badRequest('A region needs a name.');
      const id = await db.transaction().execute(async (trx) => {
        await assertNameFree(trx, name);
        const tenant = await createTenant(trx, name);
        await trx
          .insertInto('person_regions')
          .values({ person_id: who.person.id, tenant_id: tenant.id })
          .execute();
        await writeAudit(trx, {
          tenantId: tenant.id,
          actor: who.person.id,
          action: 'region.created',
          target: tenant.id,
          details: { name },
        });
        return tenant.id;
      });
      return reply.status(201).send({ region: await oneRegion(db, who, id) });
    },
  );

  app.patch<{ Params: { id: string }; Body: { name: string } }>(
    '/regions/:id',
    {
      schema: adminSchema('Rename a region you administer', {
        params: idParams,
        body: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: text(100) },
        },
        response: { 200: regionAnswer, 404: errorSchema, 409: errorSchema },
      }),
    },
    async (request) => {
      const who = adminOnly(request);
      const { id } = request.params;
      const before = await oneRegion(db, who, id);
      const name = request.body.name.trim();
      if (name === '') throw badRequest('A region needs a name.');
      if (name !== before.name) {
        await db.transaction().execute(async (trx) => {
          await assertNameFree(trx, name, id);
          await trx.updateTable('tenants').set({ name }).where('id', '=', id).execute();
          await writeAudit(trx, {
            tenantId: id,
            actor: who.person.id,
            action: 'region.updated',
            target: id,
            details: { name },
          });
        });
      }
      return { region: await oneRegion(db, who, id) };
    },
  );

  app.post<{ Params: { id: string }; Body: { username: string } }>(
    '/regions/:id/people',
    {
      schema: adminSchema('Let a coordinator or admin (by username) sign in to this region too', {
        params: idParams,
        body: {
          type: 'object',
          required: ['username'],
          additionalProperties: false,
          properties: { username: text(100) },
        },
        response: { 200: regionAnswer, 404: errorSchema },
      }),
    },
    async (request) => {
      const who = adminOnly(request);
      const { id } = request.params;
      await oneRegion(db, who, id);
      const person = await db
        .selectFrom('people')
        .select(['id', 'role'])
        .where('username', '=', request.body.username.trim())
        .where('active', '=', 1)
        .executeTakeFirst();
      if (!person || (person.role !== 'coordinator' && person.role !== 'admin')) {
        throw new ApiError(404, 'not-found', 'No coordinator or admin has this username.');
      }
      await db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('person_regions')
          .values({ person_id: person.id, tenant_id: id })
          .onConflict((oc) => oc.columns(['person_id', 'tenant_id']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return;
        await writeAudit(trx, {
          tenantId: id,
          actor: who.person.id,
          action: 'region.granted',
          target: person.id,
          details: {},
        });
      });
      return { region: await oneRegion(db, who, id) };
    },
  );

  app.delete<{ Params: { id: string; person: string } }>(
    '/regions/:id/people/:person',
    {
      schema: adminSchema('Take away someone’s access to this region; their sessions there end', {
        params: {
          type: 'object',
          required: ['id', 'person'],
          properties: { id: text(100), person: text(100) },
        },
        response: { 200: regionAnswer, 404: errorSchema },
      }),
    },
    async (request) => {
      const who = adminOnly(request);
      const { id, person } = request.params;
      const region = await oneRegion(db, who, id);
      if (person === who.person.id) throw badRequest('You cannot take away your own access.');
      if (!region.people.some((p) => p.id === person))
        throw new ApiError(404, 'not-found', 'This person has no access to this region.');
      await db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('person_regions')
          .where('person_id', '=', person)
          .where('tenant_id', '=', id)
          .execute();
        await trx
          .updateTable('tokens')
          .set({ revoked_at: new Date(ctx.now()).toISOString() })
          .where('person_id', '=', person)
          .where('tenant_id', '=', id)
          .where('revoked_at', 'is', null)
          .execute();
        await writeAudit(trx, {
          tenantId: id,
          actor: who.person.id,
          action: 'region.withdrawn',
          target: person,
          details: {},
        });
      });
      return { region: await oneRegion(db, who, id) };
    },
  );
}

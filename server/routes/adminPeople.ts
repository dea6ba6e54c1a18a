// /admin/people: the coordinator lists, adds and changes people (tables people and roster), each
// change with its audit row in one transaction. Switching someone off takes them off the rosters
// and revokes their sign-ins; their past events keep their id.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit';
import type { ServerContext } from '../context';
import { hashPassword, PASSWORD_MIN } from '../auth';
import { createPerson } from '../directory';
import { ApiError } from '../errors';
import { regionsOf, setNewPassword } from '../signIn';
import type { Role, Schema } from '../store/schema';
import {
  adminCaller,
  adminPersonSchema,
  adminSchema,
  badRequest,
  conflict,
  idParams,
  notFound,
  ROLES,
  text,
} from './adminCommon';
import type { AdminCaller } from './adminCommon';
import { errorSchema } from './schemas';

interface PersonBody {
  name: string;
  role: Role;
  sites?: string[];
  username?: string;
  password?: string;
}
interface PersonPatch {
  name?: string;
  sites?: string[];
  active?: boolean;
}

const siteList = {
  type: 'array',
  maxItems: 100,
  uniqueItems: true,
  items: { type: 'string', minLength: 1, maxLength: 100 },
} as const;
const personAnswer = {
  type: 'object',
  required: ['person'],
  properties: { person: adminPersonSchema },
};
/** Roles that pick their name on a device (no password), always on some roster. */
const FIELD_ROLES: readonly Role[] = ['attendant', 'technician', 'host', 'fixer'];
/** Roles that belong to a repair café's roster, and only there. */
const CAFE_ROLES: readonly Role[] = ['host', 'fixer', 'organiser'];
const ON_A_SITE =
  'An attendant, technician, host, fixer or organiser must be on at least one site.';

/** Refuses a change to someone's account (their password, switching them off) when they also
 * work in a region the caller does not administer: the account is the same in every region, and
 * that region's own coordinators and admins must not lose it to another region's. */
async function assertAllTheirRegions(
  db: Kysely<Schema>,
  callerId: string,
  personId: string,
): Promise<void> {
  const mine = new Set((await regionsOf(db, callerId)).map((r) => r.id));
  const theirs = await regionsOf(db, personId);
  if (theirs.some((r) => !mine.has(r.id)))
    throw new ApiError(
      403,
      'forbidden',
      'This person also works in a region you do not administer; ask an admin of every region they work in.',
    );
}

/** The tenant's people (or one), with the sites whose roster they are on, by name. */
export async function loadPeople(db: Kysely<Schema>, tenantId: string, onlyId?: string) {
  let query = db
    .selectFrom('people')
    .select(['id', 'name', 'role', 'username', 'active'])
    .where('tenant_id', '=', tenantId);
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  const people = await query.orderBy('name').orderBy('id').execute();
  let rosterQuery = db
    .selectFrom('roster')
    .innerJoin('people', 'people.id', 'roster.person_id')
    .select(['roster.person_id', 'roster.site_id'])
    .where('people.tenant_id', '=', tenantId);
  if (onlyId !== undefined) rosterQuery = rosterQuery.where('people.id', '=', onlyId);
  const roster = await rosterQuery.orderBy('roster.site_id').execute();
  return people.map((person) => ({
    ...person,
    active: person.active === 1,
    sites: roster.filter((r) => r.person_id === person.id).map((r) => r.site_id),
  }));
}

/** The sites must be the region's, and of a kind the role works at: hosts, fixers and
 * organisers at repair cafés only, the others never at one. */
async function assertOwnSites(
  db: Kysely<Schema>,
  tenantId: string,
  sites: readonly string[],
  role: Role,
) {
  if (sites.length === 0) return;
  const found = await db
    .selectFrom('sites')
    .select(['id', 'kind'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', sites)
    .execute();
  if (found.length !== new Set(sites).size)
    throw badRequest('A site in "sites" is not a park, shop or repair café of your region.');
  const cafeRole = CAFE_ROLES.includes(role);
  if (found.some((site) => (site.kind === 'cafe') !== cafeRole))
    throw badRequest(
      cafeRole
        ? 'A host, fixer or organiser works at repair cafés only: pick café sites.'
        : 'A repair café has hosts, fixers and organisers; pick a park or shop for this role.',
    );
}

function checkNewPerson(body: PersonBody, who: AdminCaller): void {
  if (body.role === 'admin' && who.person.role !== 'admin')
    throw new ApiError(403, 'forbidden', 'Only an admin may add another admin.');
  if (FIELD_ROLES.includes(body.role)) {
    if ((body.sites ?? []).length === 0) throw badRequest(ON_A_SITE);
    if (body.username !== undefined || body.password !== undefined)
      throw badRequest(
        'Attendants, technicians, hosts and fixers pick their name on a device; no password.',
      );
  } else if (body.username === undefined || body.password === undefined) {
    throw badRequest('A coordinator, admin or organiser needs a username and a password.');
  } else if (body.role === 'organiser' && (body.sites ?? []).length === 0) {
    throw badRequest(ON_A_SITE);
  }
}

export function adminPeopleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/people',
    {
      schema: adminSchema("The region's people, their roles, sites and whether they are active", {
        response: {
          200: {
            type: 'object',
            required: ['people'],
            properties: { people: { type: 'array', items: adminPersonSchema } },
          },
        },
      }),
    },
    async (request) => ({ people: await loadPeople(ctx.store.db, adminCaller(request).tenantId) }),
  );

  app.post<{ Body: PersonBody }>(
    '/people',
    {
      schema: adminSchema('Add a person', {
        body: {
          type: 'object',
          required: ['name', 'role'],
          additionalProperties: false,
          properties: {
            name: text(100),
            role: { type: 'string', enum: ROLES },
            sites: siteList,
            username: { type: 'string', pattern: '^[A-Za-z0-9._@-]{3,100}$' },
            password: { type: 'string', minLength: 10, maxLength: 200 },
          },
        },
        response: { 201: personAnswer, 409: errorSchema },
      }),
    },
    async (request, reply) => {
      const who = adminCaller(request);
      const body = request.body;
      checkNewPerson(body, who);
      const name = body.name.trim();
      if (name === '') throw badRequest('A person needs a name.');
      const sites = [...new Set(body.sites ?? [])];
      const person = await ctx.store.db.transaction().execute(async (trx) => {
        await assertOwnSites(trx, who.tenantId, sites, body.role);
        if (body.username !== undefined) {
          const taken = await trx
            .selectFrom('people')
            .select('id')
            .where('username', '=', body.username)
            .executeTakeFirst();
          if (taken) throw conflict('This username is taken; choose another.');
        }
        const created = await createPerson(trx, {
          tenantId: who.tenantId,
          name,
          role: body.role,
          sites,
          ...(body.username === undefined
            ? {}
            : { username: body.username, password: body.password }),
        });
        await writeAudit(trx, {
          tenantId: who.tenantId,
          actor: who.person.id,
          action: 'person.created',
          target: created.id,
          details: { name, role: body.role, sites, username: body.username ?? null },
        });
        const [loaded] = await loadPeople(trx, who.tenantId, created.id);
        return loaded;
      });
      return reply.status(201).send({ person });
    },
  );

  app.patch<{ Params: { id: string }; Body: PersonPatch }>(
    '/people/:id',
    {
      schema: adminSchema('Rename a person, change their sites, or switch them off or on', {
        params: idParams,
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { name: text(100), sites: siteList, active: { type: 'boolean' } },
        },
        response: { 200: personAnswer, 404: errorSchema },
      }),
    },
    async (request) => {
      const who = adminCaller(request);
      const { id } = request.params;
      const body = request.body;
      const person = await ctx.store.db.transaction().execute(async (trx) => {
        const [before] = await loadPeople(trx, who.tenantId, id);
        if (!before) throw notFound('This person');
        if (before.role === 'admin' && who.person.role !== 'admin')
          throw new ApiError(403, 'forbidden', 'Only an admin may change an admin.');
        const changes: { name?: string; sites?: string[]; active?: boolean } = {};
        if (body.name !== undefined) {
          const name = body.name.trim();
          if (name === '') throw badRequest('A person needs a name.');
          if (name !== before.name) changes.name = name;
        }
        if (body.sites !== undefined) {
          const sites = [...new Set(body.sites)].sort();
          if (
            sites.length === 0 &&
            (FIELD_ROLES.includes(before.role) || before.role === 'organiser')
          )
            throw badRequest(ON_A_SITE);
          await assertOwnSites(trx, who.tenantId, sites, before.role);
          if (sites.join('\n') !== [...before.sites].sort().join('\n')) changes.sites = sites;
        }
        if (body.active !== undefined && body.active !== before.active) {
          if (!body.active && id === who.person.id)
            throw badRequest('You cannot switch yourself off; ask another coordinator.');
          await assertAllTheirRegions(trx, who.person.id, id);
          changes.active = body.active;
        }
        if (Object.keys(changes).length === 0) return before;
        if (changes.name !== undefined || changes.active !== undefined) {
          await trx
            .updateTable('people')
            .set({
              ...(changes.name === undefined ? {} : { name: changes.name }),
              ...(changes.active === undefined ? {} : { active: changes.active ? 1 : 0 }),
            })
            .where('id', '=', id)
            .execute();
        }
        if (changes.active === false) {
          // Their sign-ins end now; devices simply stop offering them.
          await trx
            .updateTable('tokens')
            .set({ revoked_at: new Date().toISOString() })
            .where('person_id', '=', id)
            .where('revoked_at', 'is', null)
            .execute();
        }
        if (changes.sites !== undefined) {
          await trx.deleteFrom('roster').where('person_id', '=', id).execute();
          if (changes.sites.length > 0)
            await trx
              .insertInto('roster')
              .values(changes.sites.map((site) => ({ person_id: id, site_id: site })))
              .execute();
        }
        await writeAudit(trx, {
          tenantId: who.tenantId,
          actor: who.person.id,
          action: 'person.updated',
          target: id,
          details: changes,
        });
        const [after] = await loadPeople(trx, who.tenantId, id);
        return after;
      });
      return { person };
    },
  );

  app.post<{ Params: { id: string }; Body: { password: string } }>(
    '/people/:id/password',
    {
      schema: adminSchema('Set a new password for a coordinator or admin (admin only)', {
        params: idParams,
        body: {
          type: 'object',
          required: ['password'],
          additionalProperties: false,
          properties: { password: { type: 'string', minLength: 1, maxLength: 200 } },
        },
        response: { 204: { type: 'null', description: 'set' }, 404: errorSchema },
      }),
    },
    async (request, reply) => {
      const who = adminCaller(request);
      if (who.person.role !== 'admin')
        throw new ApiError(403, 'forbidden', 'Only an admin may set someone else’s password.');
      const { id } = request.params;
      // Your own password is changed in Instellingen, where the current one is asked.
      if (id === who.person.id)
        throw badRequest('Change your own password in Instellingen, with your current one.');
      const [person] = await loadPeople(ctx.store.db, who.tenantId, id);
      if (!person?.username) throw notFound('A coordinator or admin with this id');
      await assertAllTheirRegions(ctx.store.db, who.person.id, id);
      if (request.body.password.length < PASSWORD_MIN)
        throw new ApiError(
          400,
          'password-too-short',
          `A password has at least ${PASSWORD_MIN} characters.`,
        );
      const hash = await hashPassword(request.body.password);
      await ctx.store.db.transaction().execute(async (trx) => {
        await setNewPassword(trx, { id, username: person.username ?? '' }, hash, ctx.now());
        await writeAudit(trx, {
          tenantId: who.tenantId,
          actor: who.person.id,
          action: 'person.password-reset',
          target: id,
          details: {},
        });
      });
      return reply.status(204).send();
    },
  );
}

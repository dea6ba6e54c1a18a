// GET /sites: the caller's tenant's sites with their rosters, so a device can refresh its list,
// and the names of everyone and every device of the region, for the ids its histories hold.
import type { FastifyInstance } from 'fastify';
import { caller } from '../auth';
import type { ServerContext } from '../context';
import { siteFacts } from '../directory';
import { bearer, errorSchema, personSchema, siteSchema } from './schemas';

export function siteRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/sites',
    {
      onRequest: ctx.requireAuth,
      schema: {
        summary: "The tenant's sites and who is on each roster",
        tags: ['sites'],
        security: bearer,
        response: {
          200: {
            type: 'object',
            required: ['sites'],
            properties: {
              sites: {
                type: 'array',
                items: {
                  ...siteSchema,
                  required: [...siteSchema.required, 'people'],
                  properties: {
                    ...siteSchema.properties,
                    people: { type: 'array', items: personSchema },
                  },
                },
              },
              names: {
                type: 'object',
                description:
                  'names for the ids in histories and the audit trail: every person of the region (switched off ones too) and every device (revoked ones too)',
                required: ['people', 'devices'],
                properties: {
                  people: { type: 'object', additionalProperties: { type: 'string' } },
                  devices: { type: 'object', additionalProperties: { type: 'string' } },
                },
              },
            },
          },
          401: errorSchema,
        },
      },
    },
    async (request) => {
      const { tenantId } = caller(request);
      const db = ctx.store.db;
      const sites = await db
        .selectFrom('sites')
        .select(['id', 'name', 'kind', 'ords_group', 'contact_retention_days'])
        .where('tenant_id', '=', tenantId)
        .orderBy('name')
        .execute();
      const roster = await db
        .selectFrom('roster')
        .innerJoin('people', 'people.id', 'roster.person_id')
        .select(['roster.site_id', 'people.id', 'people.name', 'people.role'])
        .where('people.tenant_id', '=', tenantId)
        .where('people.active', '=', 1)
        .orderBy('people.name')
        .execute();
      const everyone = await db
        .selectFrom('people')
        .select(['id', 'name'])
        .where('tenant_id', '=', tenantId)
        .execute();
      const devices = await db
        .selectFrom('devices')
        .select(['id', 'name'])
        .where('tenant_id', '=', tenantId)
        .execute();
      return {
        names: {
          people: Object.fromEntries(everyone.map((p) => [p.id, p.name])),
          devices: Object.fromEntries(devices.map((d) => [d.id, d.name])),
        },
        sites: sites.map((site) => ({
          ...siteFacts(site),
          people: roster
            .filter((entry) => entry.site_id === site.id)
            .map(({ id, name, role }) => ({ id, name, role })),
        })),
      };
    },
  );
}

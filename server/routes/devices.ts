// POST /devices/enroll: trades an enrollment code for a device token. Writes the device, its
// token, and marks a one-time code used, in one transaction.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { writeAudit } from '../audit';
import { issueToken } from '../auth';
import type { ServerContext } from '../context';
import { DEMO } from '../demo';
import { normaliseEnrollmentCode, rosterOf, siteFacts } from '../directory';
import { ApiError } from '../errors';
import { errorSchema, personSchema, siteSchema, tenantSchema } from './schemas';

const invalidCode = () =>
  new ApiError(
    400,
    'enrollment-code-invalid',
    'This code is not valid: it may be mistyped, already used or expired. Ask the coordinator for a new one.',
  );

export function deviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: { code: string; name: string } }>(
    '/devices/enroll',
    {
      config: { rateLimit: ctx.rateLimit },
      schema: {
        summary: 'Enroll a device to a site with a code from the coordinator',
        tags: ['devices'],
        body: {
          type: 'object',
          required: ['code', 'name'],
          properties: {
            code: { type: 'string', minLength: 1, maxLength: 100 },
            name: { type: 'string', minLength: 1, maxLength: 100 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['token', 'device', 'site', 'tenant', 'people'],
            properties: {
              token: { type: 'string' },
              device: tenantSchema,
              site: siteSchema,
              tenant: tenantSchema,
              people: { type: 'array', items: personSchema },
            },
          },
          400: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request) => {
      const code = normaliseEnrollmentCode(request.body.code);
      const name = request.body.name.trim() || 'Device';
      const nowIso = new Date().toISOString();
      const enrolled = await ctx.store.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('enrollment_codes')
          .innerJoin('sites', 'sites.id', 'enrollment_codes.site_id')
          .innerJoin('tenants', 'tenants.id', 'enrollment_codes.tenant_id')
          .leftJoin('people', 'people.id', 'enrollment_codes.created_by')
          .select([
            'enrollment_codes.tenant_id',
            'enrollment_codes.site_id',
            'enrollment_codes.expires_at',
            'enrollment_codes.used_at',
            'enrollment_codes.reusable',
            'enrollment_codes.created_by',
            'people.role as created_by_role',
            'sites.name as site_name',
            'sites.kind as site_kind',
            'sites.ords_group',
            'sites.contact_retention_days',
            'tenants.name as tenant_name',
          ])
          .where('enrollment_codes.code', '=', code)
          .executeTakeFirst();
        if (!row) throw invalidCode();
        // The demo's open codes must not let anyone into a store that now runs for real.
        if (!ctx.demo && row.tenant_id === DEMO.tenant.id) throw invalidCode();
        if (row.expires_at !== null && row.expires_at <= nowIso) throw invalidCode();
        if (row.reusable !== 1) {
          // Conditional update: two devices racing for one code cannot both win it.
          const result = await trx
            .updateTable('enrollment_codes')
            .set({ used_at: nowIso })
            .where('code', '=', code)
            .where('used_at', 'is', null)
            .executeTakeFirst();
          if (Number(result.numUpdatedRows) !== 1) throw invalidCode();
        }
        const deviceId = randomUUID();
        await trx
          .insertInto('devices')
          .values({
            id: deviceId,
            tenant_id: row.tenant_id,
            site_id: row.site_id,
            name,
            created_at: nowIso,
            last_seen_at: nowIso,
            revoked_at: null,
          })
          .execute();
        const token = await issueToken(trx, { tenantId: row.tenant_id, deviceId });
        await writeAudit(trx, {
          tenantId: row.tenant_id,
          actor: null,
          action: 'device.enrolled',
          target: deviceId,
          // With whose code, where a person made it in Beheer (never the code itself).
          details: {
            name,
            site: row.site_id,
            ...(row.created_by === null
              ? {}
              : { codeBy: row.created_by, codeByRole: row.created_by_role }),
          },
        });
        return { row, deviceId, token };
      });
      const { row, deviceId, token } = enrolled;
      return {
        token,
        device: { id: deviceId, name },
        site: siteFacts({
          id: row.site_id,
          name: row.site_name,
          kind: row.site_kind,
          ords_group: row.ords_group,
          contact_retention_days: row.contact_retention_days,
        }),
        tenant: { id: row.tenant_id, name: row.tenant_name },
        people: await rosterOf(ctx.store.db, row.site_id),
      };
    },
  );
}

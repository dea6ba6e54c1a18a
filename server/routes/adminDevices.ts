// /admin/devices and /admin/enrollment-codes: the coordinator sees every device of the region with
// what it last reported, revokes one (device and tokens), and makes enrollment codes.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { writeAudit } from '../audit';
import type { ServerContext } from '../context';
import { createEnrollmentCode, randomEnrollmentCode } from '../directory';
import type { Schema } from '../store/schema';
import {
  adminCaller,
  adminSchema,
  badRequest,
  deviceSchema,
  idParams,
  notFound,
} from './adminCommon';
import { errorSchema } from './schemas';

const HOURS_DEFAULT = 72;
const HOURS_MAX = 720;

async function loadDevices(db: Kysely<Schema>, tenantId: string, onlyId?: string) {
  let query = db
    .selectFrom('devices')
    .select([
      'id',
      'name',
      'site_id',
      'created_at',
      'last_seen_at',
      'pending_at_last_contact',
      'app_version',
      'revoked_at',
    ])
    .where('tenant_id', '=', tenantId);
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    site: row.site_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    pendingAtLastContact: row.pending_at_last_contact,
    appVersion: row.app_version,
    revokedAt: row.revoked_at,
  }));
}

export function adminDeviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/devices',
    {
      schema: adminSchema("The region's devices and what each last reported", {
        response: {
          200: {
            type: 'object',
            required: ['devices'],
            properties: { devices: { type: 'array', items: deviceSchema } },
          },
        },
      }),
    },
    async (request) => ({
      devices: await loadDevices(ctx.store.db, adminCaller(request).tenantId),
    }),
  );

  app.post<{ Params: { id: string } }>(
    '/devices/:id/revoke',
    {
      schema: adminSchema('Revoke a device and all its tokens; its next sync gets 401', {
        params: idParams,
        response: {
          200: { type: 'object', required: ['device'], properties: { device: deviceSchema } },
          404: errorSchema,
        },
      }),
    },
    async (request) => {
      const who = adminCaller(request);
      const { id } = request.params;
      const device = await ctx.store.db.transaction().execute(async (trx) => {
        const [before] = await loadDevices(trx, who.tenantId, id);
        if (!before) throw notFound('This device');
        if (before.revokedAt !== null) return before;
        const now = new Date().toISOString();
        await trx
          .updateTable('devices')
          .set({ revoked_at: now })
          .where('id', '=', id)
          .where('tenant_id', '=', who.tenantId)
          .execute();
        await trx
          .updateTable('tokens')
          .set({ revoked_at: now })
          .where('device_id', '=', id)
          .where('revoked_at', 'is', null)
          .execute();
        await writeAudit(trx, {
          tenantId: who.tenantId,
          actor: who.person.id,
          action: 'device.revoked',
          target: id,
          details: { name: before.name, site: before.site },
        });
        return { ...before, revokedAt: now };
      });
      return { device };
    },
  );

  app.post<{ Body: { site: string; hours?: number } }>(
    '/enrollment-codes',
    {
      schema: adminSchema('Make a one-time enrollment code for a site', {
        body: {
          type: 'object',
          required: ['site'],
          additionalProperties: false,
          properties: {
            site: { type: 'string', minLength: 1, maxLength: 100 },
            hours: {
              type: 'integer',
              minimum: 1,
              maximum: HOURS_MAX,
              description: `valid for this many hours (default ${HOURS_DEFAULT})`,
            },
          },
        },
        response: {
          201: {
            type: 'object',
            required: ['code', 'site', 'expiresAt', 'path'],
            properties: {
              code: { type: 'string' },
              site: { type: 'string' },
              expiresAt: { type: 'string', format: 'date-time' },
              path: { type: 'string', description: '/enroll/<code>: the QR points here' },
              url: {
                type: 'string',
                description:
                  'PUBLIC_URL + path, when the server knows its public address; otherwise the app prefixes its own',
              },
            },
          },
        },
      }),
    },
    async (request, reply) => {
      const who = adminCaller(request);
      const { site, hours = HOURS_DEFAULT } = request.body;
      const expiresAt = new Date(Date.now() + hours * 3_600_000);
      const made = await ctx.store.db.transaction().execute(async (trx) => {
        const own = await trx
          .selectFrom('sites')
          .select('id')
          .where('tenant_id', '=', who.tenantId)
          .where('id', '=', site)
          .executeTakeFirst();
        if (!own) throw badRequest('"site" is not a park or shop of your region.');
        // 40 random bits: a collision is unlikely, but an existing code is never reused.
        for (let attempt = 0; attempt < 5; attempt += 1) {
          const code = await createEnrollmentCode(trx, {
            tenantId: who.tenantId,
            siteId: site,
            code: randomEnrollmentCode(),
            expiresAt,
            createdBy: who.person.id,
          });
          if (!code.created) continue;
          await writeAudit(trx, {
            tenantId: who.tenantId,
            actor: who.person.id,
            action: 'enrollment-code.created',
            target: site,
            details: { expiresAt: expiresAt.toISOString(), hours },
          });
          return code.code;
        }
        throw new Error('could not draw a free enrollment code');
      });
      // Never from the request's Host header, which whoever sends the request chooses.
      const path = `/enroll/${encodeURIComponent(made)}`;
      return reply.status(201).send({
        code: made,
        site,
        expiresAt: expiresAt.toISOString(),
        path,
        ...(ctx.publicUrl === null ? {} : { url: `${ctx.publicUrl}${path}` }),
      });
    },
  );
}

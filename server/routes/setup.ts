// POST /setup: on a production first start (no admin yet) the server logs a one-time code; this
// route trades it, once, for the first tenant and its admin. The code lives only in memory.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { issueToken } from '../auth';
import type { ServerContext } from '../context';
import { createPerson, createTenant } from '../directory';
import { ApiError } from '../errors';
import { errorSchema, personSchema, tenantSchema } from './schemas';

interface SetupBody {
  code: string;
  username: string;
  password: string;
  name: string;
  tenant?: string;
}

function sameCode(given: string, expected: string): boolean {
  const a = Buffer.from(given.trim());
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function setupRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  setupCode: string | undefined,
): void {
  let pending = setupCode;
  app.post<{ Body: SetupBody }>(
    '/setup',
    {
      config: { rateLimit: ctx.rateLimit },
      schema: {
        summary: 'Create the first admin with the set-up code from the server log (once)',
        tags: ['session'],
        body: {
          type: 'object',
          required: ['code', 'username', 'password', 'name'],
          properties: {
            code: { type: 'string', minLength: 1, maxLength: 100 },
            username: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 10, maxLength: 200 },
            name: { type: 'string', minLength: 1, maxLength: 100 },
            tenant: {
              type: 'string',
              minLength: 1,
              maxLength: 100,
              description: 'name of the first region',
            },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['token', 'person', 'tenant'],
            properties: { token: { type: 'string' }, person: personSchema, tenant: tenantSchema },
          },
          400: errorSchema,
          409: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request) => {
      const admin = await ctx.store.db
        .selectFrom('people')
        .select('id')
        .where('role', '=', 'admin')
        .executeTakeFirst();
      if (pending === undefined || admin !== undefined) {
        throw new ApiError(
          409,
          'already-set-up',
          'This server already has an admin; sign in instead.',
        );
      }
      if (!sameCode(request.body.code, pending)) {
        throw new ApiError(
          400,
          'setup-code-invalid',
          'This is not the set-up code printed in the server log.',
        );
      }
      pending = undefined;
      const { username, password, name } = request.body;
      const tenant = await createTenant(ctx.store.db, request.body.tenant?.trim() ?? 'Bewaar');
      const person = await createPerson(ctx.store.db, {
        tenantId: tenant.id,
        name,
        role: 'admin',
        username,
        password,
      });
      const token = await issueToken(ctx.store.db, { tenantId: tenant.id, personId: person.id });
      return { token, person, tenant };
    },
  );
}

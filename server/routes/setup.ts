// GET and POST /setup: on a production first start (no admin yet) the server logs a one-time
// code; the app asks whether set-up is needed, and POST trades the code, once, for the first
// region and its admin, signed in. The code lives only in memory.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { issueToken, sessionEndsAfter } from '../auth';
import type { ServerContext } from '../context';
import { createPerson, createTenant } from '../directory';
import { ApiError } from '../errors';
import { errorSchema } from './schemas';
import { sessionAnswer } from './session';

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
  const noAdminYet = async () =>
    (await ctx.store.db
      .selectFrom('people')
      .select('id')
      .where('role', '=', 'admin')
      .executeTakeFirst()) === undefined;

  app.get(
    '/setup',
    {
      schema: {
        summary: 'Whether this server waits for its first admin (the set-up screen)',
        tags: ['session'],
        response: {
          200: {
            type: 'object',
            required: ['needed'],
            properties: {
              needed: {
                type: 'boolean',
                description: 'true: the server log holds a set-up code and no admin exists yet',
              },
            },
          },
        },
      },
    },
    async () => ({ needed: pending !== undefined && (await noAdminYet()) }),
  );

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
            username: { type: 'string', pattern: '^\\s*[A-Za-z0-9._@-]{3,100}\\s*$' },
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
          200: sessionAnswer,
          400: errorSchema,
          409: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request) => {
      const expected = pending;
      if (expected === undefined || !(await noAdminYet())) {
        throw new ApiError(
          409,
          'already-set-up',
          'This server already has an admin; sign in instead.',
        );
      }
      if (!sameCode(request.body.code, expected)) {
        throw new ApiError(
          400,
          'setup-code-invalid',
          'This is not the set-up code printed in the server log.',
        );
      }
      // Taken at once, so a second request with the code finds it gone; given back if the
      // region and admin could not be written, so a failure does not use the code up.
      if (pending !== expected) {
        throw new ApiError(409, 'already-set-up', 'This server is being set up already.');
      }
      const { password } = request.body;
      const name = request.body.name.trim();
      const username = request.body.username.trim();
      if (name === '') throw new ApiError(400, 'bad-request', 'The admin needs a name.');
      pending = undefined;
      let made;
      try {
        made = await ctx.store.db.transaction().execute(async (trx) => {
          const taken = await trx
            .selectFrom('people')
            .select('id')
            .where('username', '=', username)
            .executeTakeFirst();
          if (taken) throw new ApiError(409, 'conflict', 'This username is taken; choose another.');
          const tenant = await createTenant(trx, request.body.tenant?.trim() ?? 'Bewaar');
          const person = await createPerson(trx, {
            tenantId: tenant.id,
            name,
            role: 'admin',
            username,
            password,
          });
          return { tenant, person };
        });
      } catch (error) {
        pending = expected;
        throw error;
      }
      const { tenant, person } = made;
      const nowMs = ctx.now();
      const token = await issueToken(
        ctx.store.db,
        { tenantId: tenant.id, personId: person.id },
        nowMs,
      );
      return {
        token,
        person,
        tenant,
        regions: [tenant],
        expiresAt: sessionEndsAfter(nowMs),
      };
    },
  );
}

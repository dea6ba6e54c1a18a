// POST /session: a person signs in with username and password and gets a token of their own.
import type { FastifyInstance } from 'fastify';
import { hashPassword, issueToken, verifyPassword } from '../auth';
import type { ServerContext } from '../context';
import { DEMO } from '../demo';
import { ApiError } from '../errors';
import { errorSchema, personSchema, tenantSchema } from './schemas';

// Checked when the username is unknown, so a wrong name takes as long as a wrong password.
const decoy = hashPassword('decoy password, never matches');

export function sessionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: { username: string; password: string } }>(
    '/session',
    {
      config: { rateLimit: ctx.rateLimit },
      schema: {
        summary: 'Sign in a person (coordinator, admin)',
        tags: ['session'],
        body: {
          type: 'object',
          required: ['username', 'password'],
          properties: {
            username: { type: 'string', minLength: 1, maxLength: 100 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        response: {
          200: {
            type: 'object',
            required: ['token', 'person', 'tenant'],
            properties: { token: { type: 'string' }, person: personSchema, tenant: tenantSchema },
          },
          401: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request) => {
      const { username, password } = request.body;
      const person = await ctx.store.db
        .selectFrom('people')
        .innerJoin('tenants', 'tenants.id', 'people.tenant_id')
        .select([
          'people.id',
          'people.name',
          'people.role',
          'people.password_hash',
          'people.tenant_id',
          'people.active',
          'tenants.name as tenant_name',
        ])
        .where('people.username', '=', username.trim())
        .executeTakeFirst();
      const ok = await verifyPassword(password, person?.password_hash ?? (await decoy));
      // The demo's published password must not open a store that now runs for real.
      const demoOff = !ctx.demo && person?.tenant_id === DEMO.tenant.id;
      // Someone switched off in the admin screens signs in no more.
      const inactive = person?.active !== 1;
      if (!person || person.password_hash === null || !ok || demoOff || inactive) {
        throw new ApiError(401, 'invalid-credentials', 'The username or password is not right.');
      }
      const token = await issueToken(ctx.store.db, {
        tenantId: person.tenant_id,
        personId: person.id,
      });
      return {
        token,
        person: { id: person.id, name: person.name, role: person.role },
        tenant: { id: person.tenant_id, name: person.tenant_name },
      };
    },
  );
}

// GET /codes/:code: whether a scanned label may be used here — it belongs to the caller's region,
// to another region, or to none yet (subject_owners). A device asks when it meets a code it does
// not know, so a label of another region is refused at the scan, not only at the next sync.
import type { FastifyInstance } from 'fastify';
import { parseCode } from '../../src/domain/index';
import { caller } from '../auth';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';
import { bearer, errorSchema } from './schemas';

export function codeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { code: string } }>(
    '/codes/:code',
    {
      onRequest: ctx.requireAuth,
      schema: {
        summary: 'Which region an item or cage code belongs to, seen from the caller',
        tags: ['sync'],
        security: bearer,
        params: {
          type: 'object',
          required: ['code'],
          properties: { code: { type: 'string', maxLength: 200, description: 'any printed form' } },
        },
        response: {
          200: {
            type: 'object',
            required: ['code', 'region'],
            properties: {
              code: { type: 'string', description: 'canonical form' },
              region: {
                type: 'string',
                enum: ['this', 'other', 'none'],
                description: "the caller's region, another region, or none yet (free to use)",
              },
            },
          },
          400: errorSchema,
          401: errorSchema,
        },
      },
    },
    async (request) => {
      const { tenantId } = caller(request);
      const parsed = parseCode(request.params.code);
      if (!parsed.ok) throw new ApiError(400, 'bad-request', 'This is not a Bewaar code.');
      const owner = await ctx.store.db
        .selectFrom('subject_owners')
        .select('tenant_id')
        .where('subject', '=', parsed.code)
        .executeTakeFirst();
      const region = owner === undefined ? 'none' : owner.tenant_id === tenantId ? 'this' : 'other';
      return { code: parsed.code, region };
    },
  );
}

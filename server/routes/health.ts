// GET /health: whether the server and its store answer. Devices use it to decide they are online.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';
import { errorSchema } from './schemas';

export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Whether the server and its store answer',
        tags: ['health'],
        response: {
          200: {
            type: 'object',
            required: ['ok', 'version', 'store'],
            properties: {
              ok: { type: 'boolean' },
              version: { type: 'string' },
              store: { type: 'string', enum: ['sqlite', 'postgres'] },
              demo: {
                type: 'boolean',
                description: 'Demo mode: the app shows a banner and the one-tap welcome screen.',
              },
            },
          },
          503: errorSchema,
        },
      },
    },
    async () => {
      try {
        await sql`select 1`.execute(ctx.store.db);
      } catch {
        throw new ApiError(503, 'store-unavailable', 'The server cannot reach its database.');
      }
      return { ok: true, version: ctx.version, store: ctx.store.kind, demo: ctx.demo };
    },
  );
}

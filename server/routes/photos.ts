// PUT and GET /photos/:sha256: item photos, stored in the database (table photos, per tenant,
// keyed by their SHA-256) so every instance behind a load balancer serves the same bytes.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { caller } from '../auth';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';
import { BODY_LIMIT } from '../limits';
import { bearer, errorSchema } from './schemas';

export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** The image type the bytes themselves say (their magic numbers), or null: a body sent as
 * image/jpeg may be anything, and is served back to every device of the region. */
export function sniffImage(bytes: Buffer): 'image/jpeg' | 'image/png' | 'image/webp' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  )
    return 'image/webp';
  return null;
}

const params = {
  type: 'object',
  required: ['sha256'],
  properties: { sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
} as const;

export function photoRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Its own scope, so the image parser applies to the photo routes only.
  void app.register((scope, _options, done) => {
    scope.addContentTypeParser(
      PHOTO_TYPES,
      { parseAs: 'buffer', bodyLimit: BODY_LIMIT },
      (_request, body, next) => {
        next(null, body);
      },
    );

    scope.put<{ Params: { sha256: string } }>(
      '/photos/:sha256',
      {
        onRequest: ctx.requireAuth,
        schema: {
          summary: 'Store a photo (JPEG, PNG or WebP, at most 2 MB) under its SHA-256',
          tags: ['photos'],
          security: bearer,
          params,
          consumes: PHOTO_TYPES,
          response: {
            200: {
              type: 'object',
              required: ['sha256'],
              properties: { sha256: { type: 'string' } },
            },
            201: {
              type: 'object',
              required: ['sha256'],
              properties: { sha256: { type: 'string' } },
            },
            400: errorSchema,
            401: errorSchema,
            413: errorSchema,
            415: errorSchema,
          },
        },
      },
      async (request, reply) => {
        const { tenantId } = caller(request);
        const body: unknown = request.body;
        const contentType =
          (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        if (!Buffer.isBuffer(body) || !PHOTO_TYPES.includes(contentType)) {
          throw new ApiError(
            415,
            'unsupported-media-type',
            'A photo must be sent as image/jpeg, image/png or image/webp.',
          );
        }
        if (body.length === 0) throw new ApiError(400, 'bad-request', 'The photo is empty.');
        const actualType = sniffImage(body);
        if (actualType === null) {
          throw new ApiError(
            415,
            'unsupported-media-type',
            'The photo is not a JPEG, PNG or WebP image.',
          );
        }
        const { sha256 } = request.params;
        if (createHash('sha256').update(body).digest('hex') !== sha256) {
          throw new ApiError(
            400,
            'hash-mismatch',
            'The photo does not match its SHA-256; send it again.',
          );
        }
        const result = await ctx.store.db
          .insertInto('photos')
          .values({
            tenant_id: tenantId,
            sha256,
            content_type: actualType,
            bytes: body,
            created_at: new Date().toISOString(),
          })
          .onConflict((oc) => oc.columns(['tenant_id', 'sha256']).doNothing())
          .executeTakeFirst();
        return reply
          .status(Number(result.numInsertedOrUpdatedRows ?? 0n) === 1 ? 201 : 200)
          .send({ sha256 });
      },
    );

    scope.get<{ Params: { sha256: string } }>(
      '/photos/:sha256',
      {
        onRequest: ctx.requireAuth,
        schema: {
          summary: 'A photo of the caller’s tenant',
          tags: ['photos'],
          security: bearer,
          params,
          response: {
            200: {
              description: 'the photo as stored',
              content: Object.fromEntries(
                PHOTO_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
              ),
            },
            400: errorSchema,
            401: errorSchema,
            404: errorSchema,
          },
        },
      },
      async (request, reply) => {
        const { tenantId } = caller(request);
        const photo = await ctx.store.db
          .selectFrom('photos')
          .select(['content_type', 'bytes'])
          .where('tenant_id', '=', tenantId)
          .where('sha256', '=', request.params.sha256)
          .executeTakeFirst();
        if (!photo) throw new ApiError(404, 'not-found', 'No such photo in your region.');
        // Content-addressed: the bytes behind a hash never change.
        return reply
          .type(photo.content_type)
          .header('cache-control', 'private, max-age=31536000, immutable')
          .send(Buffer.from(photo.bytes));
      },
    );
    done();
  });
}

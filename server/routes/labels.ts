// /admin/labels: the coordinator reserves sheets of item or cage label codes and fetches a batch
// or a single code again to reprint it. The codes live in ../labelCodes.ts.
import type { FastifyInstance } from 'fastify';
import { parseCode } from '../../src/domain/index';
import { writeAudit } from '../audit';
import type { ServerContext } from '../context';
import { listBatches, loadBatch, loadLabel, reserveLabels } from '../labelCodes';
import type { LabelKind } from '../store/schema';
import { adminCaller, adminSchema, notFound } from './adminCommon';
import { errorSchema } from './schemas';

export const LABELS_MAX = 1000;

const kindSchema = { type: 'string', enum: ['item', 'cage'] } as const;
const batchSchema = {
  type: 'object',
  required: ['id', 'kind', 'count', 'createdAt', 'createdBy'],
  properties: {
    id: { type: 'string' },
    kind: kindSchema,
    count: { type: 'integer' },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: { type: 'string', description: 'person id' },
  },
} as const;
const batchWithCodes = {
  type: 'object',
  required: ['batch', 'codes'],
  properties: {
    batch: batchSchema,
    codes: { type: 'array', items: { type: 'string' }, description: 'canonical codes' },
  },
} as const;

export function labelRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: { kind: LabelKind; count: number } }>(
    '/labels',
    {
      schema: adminSchema('Reserve a sheet of new label codes (never handed out before)', {
        body: {
          type: 'object',
          required: ['kind', 'count'],
          additionalProperties: false,
          properties: {
            kind: kindSchema,
            count: { type: 'integer', minimum: 1, maximum: LABELS_MAX },
          },
        },
        response: { 201: batchWithCodes },
      }),
    },
    async (request, reply) => {
      const who = adminCaller(request);
      const { kind, count } = request.body;
      const reserved = await ctx.store.db.transaction().execute(async (trx) => {
        const made = await reserveLabels(trx, {
          tenantId: who.tenantId,
          kind,
          count,
          createdBy: who.person.id,
        });
        await writeAudit(trx, {
          tenantId: who.tenantId,
          actor: who.person.id,
          action: 'labels.reserved',
          target: made.batch.id,
          details: { kind, count },
        });
        return made;
      });
      return reply.status(201).send(reserved);
    },
  );

  app.get(
    '/labels',
    {
      schema: adminSchema("The region's label batches, newest first", {
        response: {
          200: {
            type: 'object',
            required: ['batches'],
            properties: { batches: { type: 'array', items: batchSchema } },
          },
        },
      }),
    },
    async (request) => ({
      batches: await listBatches(ctx.store.db, adminCaller(request).tenantId),
    }),
  );

  app.get<{ Params: { batchId: string } }>(
    '/labels/:batchId',
    {
      schema: adminSchema('One batch with its codes, to print it again', {
        params: {
          type: 'object',
          required: ['batchId'],
          properties: { batchId: { type: 'string', maxLength: 100 } },
        },
        response: { 200: batchWithCodes, 404: errorSchema },
      }),
    },
    async (request) => {
      const found = await loadBatch(
        ctx.store.db,
        adminCaller(request).tenantId,
        request.params.batchId,
      );
      if (!found) throw notFound('This label batch');
      return found;
    },
  );

  app.get<{ Params: { code: string } }>(
    '/labels/code/:code',
    {
      schema: adminSchema('One reserved code (typed forgivingly) and its batch, to reprint it', {
        params: {
          type: 'object',
          required: ['code'],
          properties: { code: { type: 'string', maxLength: 200 } },
        },
        response: {
          200: {
            type: 'object',
            required: ['code', 'kind', 'batch'],
            properties: { code: { type: 'string' }, kind: kindSchema, batch: batchSchema },
          },
          404: errorSchema,
        },
      }),
    },
    async (request) => {
      const parsed = parseCode(request.params.code);
      const found = parsed.ok
        ? await loadLabel(ctx.store.db, adminCaller(request).tenantId, parsed.code)
        : null;
      if (!found) throw notFound('This label code');
      return found;
    },
  );
}

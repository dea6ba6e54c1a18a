// GET /figures and /exports/*: the coordinator's pilot figures and the ORDS, item, XLSX and
// traceability exports, computed by the domain from the item projection (table items). The
// figures are computed here; the export files are made by the export pool's worker threads.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { computeFigures, figureFilterSchema } from '../../src/domain/index';
import type { FigureFilter, Lang } from '../../src/domain/index';
import { caller } from '../auth';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';
import type { ExportFile } from '../exportFiles';
import { loadFigureItems, loadFigureLines } from '../itemProjection';
import { figuresSchema } from './figureSchemas';
import { bearer, errorSchema } from './schemas';

interface FilterQuery {
  from: string;
  to: string;
  site?: string;
  category?: string;
  lang?: Lang;
}

// Shape only (strings, no repeats); figureFilterSchema decides what a valid filter is.
const filterQuery = {
  type: 'object',
  required: ['from', 'to'],
  additionalProperties: false,
  properties: {
    from: { type: 'string', maxLength: 10, description: 'first day, YYYY-MM-DD (Brussels)' },
    to: { type: 'string', maxLength: 10, description: 'last day, YYYY-MM-DD, included' },
    site: { type: 'string', maxLength: 100, description: 'a park or shop id of the region' },
    category: { type: 'string', maxLength: 2, description: 'ORDS product category id 1–40' },
    lang: {
      type: 'string',
      enum: ['nl', 'fr', 'en'],
      description: 'language of the export headers and labels (default nl)',
    },
  },
} as const;

const limited = {
  ...errorSchema,
  description: 'rate-limited: too many requests with this token; Retry-After says when to retry',
};
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 429: limited };

const fileResponses = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } },
  ...errors,
  503: {
    ...errorSchema,
    description:
      'busy: the export queue is full, or the server is stopping; retry after Retry-After',
  },
});

/** How many more /figures requests than exports a token may make: the figures are computed
 * from compact lines on the event loop (~0.3 s for a year over 100,000 items), an export is a
 * file made in a worker from whole items. */
export const FIGURES_FACTOR = 3;

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Scope {
  tenantId: string;
  tenantName: string;
  filter: FigureFilter;
  lang: Lang;
  siteNames: Map<string, string>;
}

/** The caller (a coordinator or admin of the tenant) and the filter, or a 401/403/400. */
async function scopeOf(
  ctx: ServerContext,
  request: FastifyRequest<{ Querystring: FilterQuery }>,
): Promise<Scope> {
  const auth = caller(request);
  const role = auth.person?.role;
  if (role !== 'coordinator' && role !== 'admin') {
    throw new ApiError(403, 'forbidden', 'Only a signed-in coordinator or admin sees the figures.');
  }
  const { lang = 'nl', ...query } = request.query;
  const parsed = figureFilterSchema.safeParse(query);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'filter'}: ${issue.message}`)
      .join('; ');
    throw new ApiError(400, 'bad-request', `The filter is not valid (${detail}).`);
  }
  const filter = parsed.data;
  const db = ctx.store.db;
  const sites = await db
    .selectFrom('sites')
    .select(['id', 'name'])
    .where('tenant_id', '=', auth.tenantId)
    .execute();
  const names = new Map(sites.map((s) => [s.id, s.name]));
  if (filter.site !== undefined && !names.has(filter.site)) {
    throw new ApiError(400, 'bad-request', 'The site is not a park or shop of your region.');
  }
  const tenant = await db
    .selectFrom('tenants')
    .select('name')
    .where('id', '=', auth.tenantId)
    .executeTakeFirstOrThrow();
  return {
    tenantId: auth.tenantId,
    tenantName: tenant.name,
    filter,
    lang,
    siteNames: names,
  };
}

/** Sends a file named `<name>-<from>_<to>.<extension>`: the period is in every file name. */
function download(
  reply: FastifyReply,
  type: string,
  name: string,
  filter: FigureFilter,
  body: Buffer,
) {
  return reply
    .type(type)
    .header('cache-control', 'no-store')
    .header(
      'content-disposition',
      `attachment; filename="${name.replace('.', `-${filter.from}_${filter.to}.`)}"`,
    )
    .send(body);
}

/** The stored JSON of every event of the items, for the audit trail (the domain keeps those in
 * the period); parsed by the export worker, not on the event loop. */
async function eventBodiesOf(
  ctx: ServerContext,
  tenantId: string,
  codes: readonly string[],
): Promise<string[]> {
  const bodies: string[] = [];
  for (let start = 0; start < codes.length; start += 500) {
    const rows = await ctx.store.db
      .selectFrom('events')
      .select('body')
      .where('tenant_id', '=', tenantId)
      .where('subject', 'in', codes.slice(start, start + 500))
      .execute();
    for (const row of rows) bodies.push(row.body);
  }
  return bodies;
}

/** Aborts when the client goes away before the answer is sent, so a waiting export is dropped. */
function whileAnswerWanted(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

// A busy export pool's 503 says when to come back: a queue's worth of exports takes seconds.
const RETRY_AFTER_S = 30;

/** Rate-limit keys: the caller's token (its hash, which auth has already worked out, so no token
 * is kept in the limiter's memory); the address only if a route ever runs this before auth. */
const perToken = (request: FastifyRequest) => request.auth?.tokenHash ?? `ip:${request.ip}`;

const windowText = (window: string | number) =>
  typeof window === 'number' ? `${Math.round(window / 1000)} s` : window;

export function figureRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const limits = ctx.exportRateLimit;
  const tooMany =
    (what: string) =>
    (_request: FastifyRequest, context: { max: number; after: string }): ApiError =>
      new ApiError(
        429,
        'rate-limited',
        `Too many ${what} with this token (at most ${context.max} per ${windowText(limits.timeWindow)}); try again in ${context.after}.`,
      );
  // One budget for the four export routes together (a route's own config would count each file
  // apart): a token that fetches every file of a period uses four.
  const exportLimit = app.rateLimit({
    max: limits.max,
    timeWindow: limits.timeWindow,
    keyGenerator: perToken,
    errorResponseBuilder: tooMany('exports'),
  });
  const route = (summary: string, response: object, limited: 'figures' | 'export') => ({
    // Authentication first: the limit counts per token, and a request without one is a 401.
    onRequest: limited === 'export' ? [ctx.requireAuth, exportLimit] : ctx.requireAuth,
    ...(limited === 'figures'
      ? {
          config: {
            rateLimit: {
              max: limits.max * FIGURES_FACTOR,
              timeWindow: limits.timeWindow,
              keyGenerator: perToken,
              errorResponseBuilder: tooMany('figures requests'),
            },
          },
        }
      : {}),
    schema: {
      summary,
      tags: ['figures'],
      security: bearer,
      querystring: filterQuery,
      response,
    },
  });

  app.get<{ Querystring: FilterQuery }>(
    '/figures',
    route(
      'The pilot figures of the period (coordinator, admin)',
      { 200: figuresSchema, ...errors },
      'figures',
    ),
    async (request, reply) => {
      const scope = await scopeOf(ctx, request);
      const lines = await loadFigureLines(ctx.store, scope.tenantId, scope.filter);
      return reply.header('cache-control', 'no-store').send(computeFigures(lines, scope.filter));
    },
  );

  /** An export route: the data is read on this thread (I/O) once a worker is free for it, the
   * file made by the worker. */
  const exportRoute = (
    file: ExportFile,
    [type, name]: [string, string],
    summary: string,
    response: object,
  ) => {
    app.get<{ Querystring: FilterQuery }>(
      `/exports/${file}`,
      route(summary, response, 'export'),
      async (request, reply) => {
        const scope = await scopeOf(ctx, request);
        try {
          const spec = {
            file,
            filter: scope.filter,
            lang: scope.lang,
            tenantName: scope.tenantName,
            siteNames: scope.siteNames,
          };
          const load = async () => {
            const items = await loadFigureItems(ctx.store, scope.tenantId, scope.filter);
            if (file !== 'trace.csv') return { items };
            const codes = items.map((item) => item.code);
            return { items, eventBodies: await eventBodiesOf(ctx, scope.tenantId, codes) };
          };
          const bytes = await ctx.exports.run({ spec, load }, whileAnswerWanted(reply));
          return await download(reply, type, name, scope.filter, bytes);
        } catch (error) {
          if (error instanceof ApiError && error.status === 503) {
            void reply.header('retry-after', String(RETRY_AFTER_S));
          }
          throw error;
        }
      },
    );
  };

  exportRoute(
    'ords.csv',
    [CSV, 'bewaar-ords.csv'],
    'Open Repair Data Standard v0.3 records of the period (CSV, comma, UTF-8 without BOM)',
    fileResponses('text/csv', 'ORDS aggregate CSV'),
  );
  exportRoute(
    'items.csv',
    [CSV, 'bewaar-items.csv'],
    'One row per item of the period (CSV for Belgian Excel: BOM, semicolons, decimal commas)',
    fileResponses('text/csv', 'Items CSV'),
  );
  exportRoute(
    'items.xlsx',
    [XLSX, 'bewaar.xlsx'],
    'Workbook: figures, items, rejections, monthly per park, method and sources',
    fileResponses(XLSX, 'XLSX workbook'),
  );
  exportRoute(
    'trace.csv',
    [CSV, 'bewaar-trace.csv'],
    'Traceability: every event in the period of every item of the filter, for audits (CSV)',
    fileResponses('text/csv', 'Traceability CSV'),
  );
}

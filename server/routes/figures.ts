// GET /figures and /exports/*: the coordinator's pilot figures and the ORDS, item, XLSX and
// traceability exports, computed by the domain from the item projection (table items).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import writeExcelFile from 'write-excel-file/node';
import {
  computeFigures,
  figureFilterSchema,
  itemsCsv,
  toOrdsCsv,
  traceabilityCsv,
  xlsxSheets,
} from '../../src/domain/index';
import type { BewaarEvent, FigureFilter, Lang } from '../../src/domain/index';
import { caller } from '../auth';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';
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

const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema };

const file = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } },
  ...errors,
});

const CSV = 'text/csv; charset=utf-8';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Scope {
  tenantId: string;
  tenantName: string;
  filter: FigureFilter;
  lang: Lang;
  siteName: (id: string) => string;
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
    siteName: (id) => names.get(id) ?? id,
  };
}

/** Sends a file named `<name>-<from>_<to>.<extension>`: the period is in every file name. */
function download(
  reply: FastifyReply,
  type: string,
  name: string,
  filter: FigureFilter,
  body: string | Buffer,
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

/** Every stored event of the items, for the audit trail (the domain keeps those in the period). */
async function eventsOfItems(
  ctx: ServerContext,
  tenantId: string,
  codes: readonly string[],
): Promise<BewaarEvent[]> {
  const events: BewaarEvent[] = [];
  for (let start = 0; start < codes.length; start += 500) {
    const rows = await ctx.store.db
      .selectFrom('events')
      .select('body')
      .where('tenant_id', '=', tenantId)
      .where('subject', 'in', codes.slice(start, start + 500))
      .execute();
    for (const row of rows) events.push(JSON.parse(row.body) as BewaarEvent);
  }
  return events;
}

export function figureRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const common = { onRequest: ctx.requireAuth, tags: ['figures'], security: bearer };
  const route = (summary: string, response: object) => ({
    onRequest: common.onRequest,
    schema: {
      summary,
      tags: common.tags,
      security: common.security,
      querystring: filterQuery,
      response,
    },
  });

  app.get<{ Querystring: FilterQuery }>(
    '/figures',
    route('The pilot figures of the period (coordinator, admin)', {
      200: figuresSchema,
      ...errors,
    }),
    async (request, reply) => {
      const scope = await scopeOf(ctx, request);
      const lines = await loadFigureLines(ctx.store, scope.tenantId, scope.filter);
      return reply.header('cache-control', 'no-store').send(computeFigures(lines, scope.filter));
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    '/exports/ords.csv',
    route(
      'Open Repair Data Standard v0.3 records of the period (CSV, comma, UTF-8 without BOM)',
      file('text/csv', 'ORDS aggregate CSV'),
    ),
    async (request, reply) => {
      const scope = await scopeOf(ctx, request);
      const items = await loadFigureItems(ctx.store, scope.tenantId, scope.filter);
      const csv = toOrdsCsv(items, scope.filter, {
        dataProvider: scope.tenantName,
        siteName: scope.siteName,
      });
      return download(reply, CSV, 'bewaar-ords.csv', scope.filter, csv);
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    '/exports/items.csv',
    route(
      'One row per item of the period (CSV for Belgian Excel: BOM, semicolons, decimal commas)',
      file('text/csv', 'Items CSV'),
    ),
    async (request, reply) => {
      const scope = await scopeOf(ctx, request);
      const items = await loadFigureItems(ctx.store, scope.tenantId, scope.filter);
      const csv = itemsCsv(items, scope.filter, { lang: scope.lang, siteName: scope.siteName });
      return download(reply, CSV, 'bewaar-items.csv', scope.filter, csv);
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    '/exports/items.xlsx',
    route(
      'Workbook: figures, items, rejections, monthly per park, method and sources',
      file(XLSX, 'XLSX workbook'),
    ),
    async (request, reply) => {
      const scope = await scopeOf(ctx, request);
      const items = await loadFigureItems(ctx.store, scope.tenantId, scope.filter);
      const sheets = xlsxSheets(items, scope.filter, {
        lang: scope.lang,
        siteName: scope.siteName,
      });
      const buffer = await writeExcelFile(sheets).toBuffer();
      return download(reply, XLSX, 'bewaar.xlsx', scope.filter, buffer);
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    '/exports/trace.csv',
    route(
      'Traceability: every event in the period of every item of the filter, for audits (CSV)',
      file('text/csv', 'Traceability CSV'),
    ),
    async (request, reply) => {
      const scope = await scopeOf(ctx, request);
      const items = await loadFigureItems(ctx.store, scope.tenantId, scope.filter);
      const events = await eventsOfItems(
        ctx,
        scope.tenantId,
        items.map((item) => item.code),
      );
      const csv = traceabilityCsv(items, events, scope.filter, {
        lang: scope.lang,
        siteName: scope.siteName,
      });
      return download(reply, CSV, 'bewaar-trace.csv', scope.filter, csv);
    },
  );
}

// GET /figures and /exports/*: the coordinator's pilot figures and the ORDS, item, XLSX and
// traceability exports, computed by the domain from the item projection (table items). The
// figures are computed here; the export files are made by the export pool's worker threads.
// GET /figures/regions and the exports' `regions=all` / `region=<id>` cover the regions the
// person is granted (a hub that reports the pilots of several intercommunales together).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { computeFigures, figureFilterSchema, foldSession, foldVisit } from '../../src/domain/index';
import type {
  BewaarEvent,
  FigureFilter,
  FigureItem,
  FigureLine,
  Lang,
  SessionState,
  VisitState,
} from '../../src/domain/index';
import { caller } from '../auth';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';
import type { CafeData, ExportFile, ExportSpec } from '../exportFiles';
import { loadFigureItems, loadFigureLines } from '../itemProjection';
import { regionsOf } from '../signIn';
import type { Region } from '../signIn';
import { figuresSchema } from './figureSchemas';
import { bearer, errorSchema } from './schemas';

interface FilterQuery {
  from: string;
  to: string;
  site?: string;
  category?: string;
  lang?: Lang;
  /** Only on the routes over regions (regionQuery, exportQuery). */
  regions?: 'all';
  region?: string;
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

const regionParam = {
  type: 'string',
  maxLength: 100,
  description: 'one of the regions you are granted (its id); without it, all of them',
} as const;

/** /figures/regions: the filter without a site (a site belongs to one region; refused with 400
 * and the reason rather than by the schema's "additional property"), and a region. */
const regionQuery = {
  ...filterQuery,
  properties: { ...filterQuery.properties, region: regionParam },
} as const;

/** The exports: the filter, or with `regions=all` (or `region`) a file over your regions. */
const exportQuery = {
  ...filterQuery,
  properties: {
    ...filterQuery.properties,
    regions: {
      type: 'string',
      enum: ['all'],
      description:
        'all: the file covers every region you are granted, each row naming its region (no site then)',
    },
    region: {
      ...regionParam,
      description:
        'the file covers this one of your regions, each row naming it (no site then); another region is 400',
    },
  },
} as const;

/** The figures of each region and of all together. */
const regionFiguresSchema = {
  type: 'object',
  required: ['regions', 'total'],
  properties: {
    regions: {
      type: 'array',
      description: 'each region asked for (by name), with its figures',
      items: {
        type: 'object',
        required: ['id', 'name', 'figures'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, figures: figuresSchema },
      },
    },
    total: {
      ...figuresSchema,
      description:
        'the same figures over the items of every region listed: counts, kg, euros, minutes and CO2e are the sums of the regions; rates and medians are worked out over all the items',
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
  /** The regions the answer covers: the token's own, or (over regions) those asked for. */
  tenants: Region[];
  filter: FigureFilter;
  lang: Lang;
  siteNames: Map<string, string>;
  /** Each café's ORDS group name (its group_identifier), by site id. */
  ordsGroups: Map<string, string>;
  /** Over regions only: each site's region name, for the files' region column. */
  siteRegions?: Map<string, string>;
}

/** The cafés' ORDS group names by site id (a café without one is named by its site name). */
function ordsGroupsOf(sites: readonly { id: string; ords_group: string | null }[]) {
  return new Map(
    sites.flatMap((s) => (s.ords_group === null ? [] : [[s.id, s.ords_group] as const])),
  );
}

/** The caller (a signed-in coordinator or admin) and the parsed filter, or a 403/400. */
function callerAndFilter(request: FastifyRequest<{ Querystring: FilterQuery }>) {
  const auth = caller(request);
  const role = auth.person?.role;
  if (auth.person === null || (role !== 'coordinator' && role !== 'admin')) {
    throw new ApiError(403, 'forbidden', 'Only a signed-in coordinator or admin sees the figures.');
  }
  const { lang = 'nl', ...rest } = request.query;
  // Which regions is the route's business; the rest is the filter.
  const query = Object.fromEntries(
    Object.entries(rest).filter(([key]) => key !== 'regions' && key !== 'region'),
  );
  const parsed = figureFilterSchema.safeParse(query);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'filter'}: ${issue.message}`)
      .join('; ');
    throw new ApiError(400, 'bad-request', `The filter is not valid (${detail}).`);
  }
  return { auth, person: auth.person, filter: parsed.data, lang };
}

/** The token's region and the filter, or a 401/403/400. */
async function scopeOf(
  ctx: ServerContext,
  request: FastifyRequest<{ Querystring: FilterQuery }>,
): Promise<Scope> {
  const { auth, filter, lang } = callerAndFilter(request);
  const db = ctx.store.db;
  const sites = await db
    .selectFrom('sites')
    .select(['id', 'name', 'ords_group'])
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
    tenants: [{ id: auth.tenantId, name: tenant.name }],
    filter,
    lang,
    siteNames: names,
    ordsGroups: ordsGroupsOf(sites),
  };
}

/** The regions granted to the person (all, or the one `region` names) and the filter, whatever
 * region the token has open; or a 401/403/400. Another region's data never enters the answer:
 * the list comes from the person's own grants. */
async function regionScopeOf(
  ctx: ServerContext,
  request: FastifyRequest<{ Querystring: FilterQuery }>,
): Promise<Scope> {
  const { person, filter, lang } = callerAndFilter(request);
  if (filter.site !== undefined) {
    throw new ApiError(
      400,
      'bad-request',
      'A site belongs to one region: the figures and files over regions take no site (open that region and ask without regions for one of its sites).',
    );
  }
  const granted = await regionsOf(ctx.store.db, person.id);
  const wanted = request.query.region;
  const tenants = wanted === undefined ? granted : granted.filter((r) => r.id === wanted);
  if (tenants.length === 0) {
    throw new ApiError(400, 'bad-request', 'The region is not one of the regions you may open.');
  }
  const sites = await ctx.store.db
    .selectFrom('sites')
    .select(['id', 'name', 'tenant_id', 'ords_group'])
    .where(
      'tenant_id',
      'in',
      tenants.map((t) => t.id),
    )
    .execute();
  const regionName = new Map(tenants.map((t) => [t.id, t.name]));
  return {
    tenants,
    filter,
    lang,
    siteNames: new Map(sites.map((s) => [s.id, s.name])),
    ordsGroups: ordsGroupsOf(sites),
    siteRegions: new Map(sites.map((s) => [s.id, regionName.get(s.tenant_id) ?? s.tenant_id])),
  };
}

/** Sends a file named `<name>-<from>_<to>.<extension>` (`<name>-regios-…` over regions): the
 * period is in every file name. */
function download(reply: FastifyReply, type: string, name: string, scope: Scope, body: Buffer) {
  const { from, to } = scope.filter;
  const period = scope.siteRegions ? `-regios-${from}_${to}.` : `-${from}_${to}.`;
  return reply
    .type(type)
    .header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${name.replace('.', period)}"`)
    .send(body);
}

/** Who and which device each event of the audit trail names, by id: every person (switched off
 * ones too: their events stay) and every device (revoked ones too) of the regions. */
async function traceNames(ctx: ServerContext, tenants: readonly Region[]) {
  const ids = tenants.map((t) => t.id);
  const db = ctx.store.db;
  const people = await db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('tenant_id', 'in', ids)
    .execute();
  const devices = await db
    .selectFrom('devices')
    .select(['id', 'name'])
    .where('tenant_id', 'in', ids)
    .execute();
  return {
    personNames: new Map(people.map((p) => [p.id, p.name])),
    deviceNames: new Map(devices.map((d) => [d.id, d.name])),
  };
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

/** A region's repair café days, folded from their stored events (subjects BS… and BT…): the
 * ORDS file and the workbook add their rows and sheets (the domain keeps those in the period). */
async function cafeDaysOf(ctx: ServerContext, tenantId: string): Promise<CafeData> {
  const rows = await ctx.store.db
    .selectFrom('events')
    .select(['subject', 'body'])
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('subject', 'like', 'BS%'), eb('subject', 'like', 'BT%')]))
    .execute();
  const bySubject = new Map<string, BewaarEvent[]>();
  for (const row of rows) {
    const list = bySubject.get(row.subject) ?? [];
    list.push(JSON.parse(row.body) as BewaarEvent);
    bySubject.set(row.subject, list);
  }
  const visits: VisitState[] = [];
  const sessions: SessionState[] = [];
  for (const [subject, events] of bySubject) {
    if (subject.startsWith('BT')) visits.push(foldVisit(subject, events));
    else sessions.push(foldSession(subject, events));
  }
  return { visits, sessions };
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
  // One budget for /figures and /figures/regions together, three times the exports'.
  const figuresLimit = app.rateLimit({
    max: limits.max * FIGURES_FACTOR,
    timeWindow: limits.timeWindow,
    keyGenerator: perToken,
    errorResponseBuilder: tooMany('figures requests'),
  });
  const route = (
    summary: string,
    querystring: object,
    response: object,
    limited: 'figures' | 'export',
  ) => ({
    // Authentication first: the limit counts per token, and a request without one is a 401.
    onRequest: [ctx.requireAuth, limited === 'export' ? exportLimit : figuresLimit],
    schema: {
      summary,
      tags: ['figures'],
      security: bearer,
      querystring,
      response,
    },
  });

  app.get<{ Querystring: FilterQuery }>(
    '/figures',
    route(
      'The pilot figures of the period (coordinator, admin)',
      filterQuery,
      { 200: figuresSchema, ...errors },
      'figures',
    ),
    async (request, reply) => {
      const scope = await scopeOf(ctx, request);
      const [tenant] = scope.tenants;
      const lines = tenant ? await loadFigureLines(ctx.store, tenant.id, scope.filter) : [];
      return reply.header('cache-control', 'no-store').send(computeFigures(lines, scope.filter));
    },
  );

  app.get<{ Querystring: FilterQuery }>(
    '/figures/regions',
    route(
      'The pilot figures of each region you are granted, and of all of them together (coordinator, admin)',
      regionQuery,
      { 200: regionFiguresSchema, ...errors },
      'figures',
    ),
    async (request, reply) => {
      const scope = await regionScopeOf(ctx, request);
      const { filter } = scope;
      const lists: FigureLine[][] = [];
      const regions = [];
      for (const { id, name } of scope.tenants) {
        const lines = await loadFigureLines(ctx.store, id, filter);
        lists.push(lines);
        regions.push({ id, name, figures: computeFigures(lines, filter) });
      }
      // The total by the same function over every region's lines, not by adding the regions up:
      // rates and medians do not add (tests/server/figuresRegions.test.ts holds the sums).
      const total = computeFigures(lists.flat(), filter);
      return reply.header('cache-control', 'no-store').send({ regions, total });
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
      route(summary, exportQuery, response, 'export'),
      async (request, reply) => {
        const { regions, region } = request.query;
        const scope =
          regions === undefined && region === undefined
            ? await scopeOf(ctx, request)
            : await regionScopeOf(ctx, request);
        const { filter, tenants } = scope;
        try {
          const spec: ExportSpec = {
            file,
            filter,
            lang: scope.lang,
            tenantName: tenants.map((t) => t.name).join(', '),
            siteNames: scope.siteNames,
            ordsGroups: scope.ordsGroups,
            ...(scope.siteRegions ? { siteRegions: scope.siteRegions } : {}),
            ...(file === 'trace.csv' ? await traceNames(ctx, tenants) : {}),
          };
          const load = async () => {
            const items: FigureItem[] = [];
            const eventBodies: string[] = [];
            for (const tenant of tenants) {
              const own = await loadFigureItems(ctx.store, tenant.id, filter);
              for (const item of own) items.push(item);
              if (file !== 'trace.csv') continue;
              const codes = own.map((item) => item.code);
              for (const body of await eventBodiesOf(ctx, tenant.id, codes)) eventBodies.push(body);
            }
            if (file === 'trace.csv') return { items, eventBodies };
            if (file === 'items.csv') return { items };
            const cafe: { visits: VisitState[]; sessions: SessionState[] } = {
              visits: [],
              sessions: [],
            };
            for (const tenant of tenants) {
              const days = await cafeDaysOf(ctx, tenant.id);
              cafe.visits.push(...days.visits);
              cafe.sessions.push(...days.sessions);
            }
            return { items, cafe };
          };
          const bytes = await ctx.exports.run({ spec, load }, whileAnswerWanted(reply));
          return await download(reply, type, name, scope, bytes);
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

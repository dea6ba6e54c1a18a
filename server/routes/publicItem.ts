// GET /public/items/:code, no token: the card a shopper sees when scanning the label of an
// appliance for sale or sold. Read from the item projection, and only the fields chosen for
// customers leave here: kind, brand, model, the tests it passed, warranty, price, the kringwinkel.
// Never free text (notes, test methods, repair words are written for colleagues), never people.
import type { FastifyInstance } from 'fastify';
import { brusselsDay, categoryById, parseCode } from '../../src/domain/index';
import type { FigureItem } from '../../src/domain/index';
import type { ServerContext } from '../context';
import { DEMO } from '../demo';
import { ApiError, NO_PUBLIC_INFO } from '../errors';
import { catchUpAll } from '../projector';
import { errorSchema } from './schemas';

const PUBLIC_STATUSES = ['for-sale', 'sold'] as const;
const PUBLIC_TESTS = ['safety', 'function', 'data-wipe'] as const;
type PublicTest = (typeof PUBLIC_TESTS)[number];

/** The checks the appliance passed, by their latest result: a safety test passed, a function
 * test passed in full, a data wipe verified. Words come from the page, never from the bench. */
function passedTests(item: FigureItem): PublicTest[] {
  const passed: PublicTest[] = [];
  if (item.safety?.result === 'pass') passed.push('safety');
  if (item.functionTest?.result === 'pass') passed.push('function');
  if (item.wipe?.verified === true) passed.push('data-wipe');
  return passed;
}

// One answer for unknown, malformed and not-public codes alike, so it reveals nothing.
/** How many more public card requests than enrollment attempts an address may make. */
export const PUBLIC_FACTOR = 6;

const noPublicInfo = () => new ApiError(404, 'not-found', NO_PUBLIC_INFO);

const words = {
  type: 'object',
  required: ['nl', 'fr', 'en'],
  properties: { nl: { type: 'string' }, fr: { type: 'string' }, en: { type: 'string' } },
} as const;

export function publicItemRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Params: { code: string } }>(
    '/public/items/:code',
    {
      // Six times enrollment's allowance: a shop's customers share one address, and a card is
      // cheap; still bounded, so the codes cannot be walked.
      config: { rateLimit: { ...ctx.rateLimit, max: ctx.rateLimit.max * PUBLIC_FACTOR } },
      schema: {
        summary: 'The public card of an appliance for sale or sold (no token)',
        tags: ['public'],
        params: {
          type: 'object',
          required: ['code'],
          properties: { code: { type: 'string', description: 'item code, any printed form' } },
        },
        response: {
          // The serializer writes only these fields: anything else in the state stays behind.
          200: {
            type: 'object',
            additionalProperties: false,
            required: [
              'code',
              'category',
              'categoryName',
              'brand',
              'model',
              'tests',
              'warrantyMonths',
              'priceEur',
              'shop',
              'since',
              'status',
            ],
            properties: {
              code: { type: 'string' },
              category: { type: 'integer', description: 'ORDS product category id' },
              categoryName: words,
              brand: { type: 'string', nullable: true },
              model: { type: 'string', nullable: true },
              tests: {
                type: 'array',
                items: { type: 'string', enum: PUBLIC_TESTS },
                description: 'the checks passed (latest result): safety, function, data wipe',
              },
              warrantyMonths: { type: 'integer', nullable: true },
              priceEur: {
                type: 'number',
                nullable: true,
                description: 'the asking price while for sale; null once sold',
              },
              shop: {
                type: 'string',
                nullable: true,
                description: 'the kringwinkel that tested it and sells (or sold) it',
              },
              since: {
                type: 'string',
                format: 'date',
                description: 'day (Brussels) of its first price, or of the sale',
              },
              status: { type: 'string', enum: PUBLIC_STATUSES },
            },
          },
          404: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request) => {
      const raw = request.params.code;
      const parsed = raw.length <= 200 ? parseCode(raw) : null;
      if (!parsed?.ok || parsed.kind !== 'item') throw noPublicInfo();
      // The code alone names the item, in the region it belongs to: another region that wrote
      // about the same code (before codes had owners) never speaks for it.
      await catchUpAll(ctx.store);
      const db = ctx.store.db;
      let query = db
        .selectFrom('items')
        .innerJoin('subject_owners', (join) =>
          join
            .onRef('subject_owners.subject', '=', 'items.code')
            .onRef('subject_owners.tenant_id', '=', 'items.tenant_id'),
        )
        .select(['items.tenant_id', 'items.state'])
        .where('items.code', '=', parsed.code)
        .where('items.status', 'in', PUBLIC_STATUSES);
      // The demo region is public only while the server runs the demo.
      if (!ctx.demo) query = query.where('items.tenant_id', '!=', DEMO.tenant.id);
      const row = await query.executeTakeFirst();
      if (!row) throw noPublicInfo();
      const item = JSON.parse(row.state) as FigureItem;
      const category = item.category === null ? undefined : categoryById(item.category);
      if (!category || (item.status !== 'for-sale' && item.status !== 'sold')) throw noPublicInfo();
      const shopId = item.facts.shopSite;
      const shop =
        shopId === null
          ? undefined
          : await db
              .selectFrom('sites')
              .select('name')
              .where('tenant_id', '=', row.tenant_id)
              .where('id', '=', shopId)
              .executeTakeFirst();
      // Field by field, so a field added to the state one day does not reach customers unasked.
      return {
        code: item.code,
        category: category.id,
        categoryName: category.name,
        brand: item.brand ?? null,
        model: item.model ?? null,
        tests: passedTests(item),
        warrantyMonths: item.price?.warrantyMonths ?? null,
        priceEur: item.status === 'for-sale' ? (item.price?.priceEur ?? null) : null,
        shop: shop?.name ?? null,
        since: brusselsDay(item.facts.firstPricedAt ?? item.sale?.at ?? item.updatedAt),
        status: item.status,
      };
    },
  );
}

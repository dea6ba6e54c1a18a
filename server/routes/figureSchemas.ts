// The JSON schema of the Figures object (src/domain/figures/figureTypes.ts): it documents
// GET /figures in the OpenAPI document and serialises the answer, so it names every field.
const number = { type: 'number' } as const;
const integer = { type: 'integer' } as const;
const nullableNumber = { type: 'number', nullable: true } as const;

const amount = {
  type: 'object',
  required: ['count', 'kg'],
  properties: { count: integer, kg: number },
} as const;

const sales = {
  type: 'object',
  required: ['count', 'kg', 'revenueEur'],
  properties: { ...amount.properties, revenueEur: number },
} as const;

export const figuresSchema = {
  type: 'object',
  description:
    'Each figure dates an item by its own event (registration, sale, rejection, …), Brussels days; see docs/SYNC.md.',
  required: [
    'filter',
    'registered',
    'received',
    'missing',
    'tested',
    'workshop',
    'repaired',
    'forSale',
    'onShelf',
    'sold',
    'rejected',
    'rejectedByReason',
    'rejectedByDestination',
    'labourMinutes',
    'co2eAvoidedKg',
    'wasteAvoidedKg',
    'reuseRate',
    'repairRate',
    'medianDaysParkToShelf',
    'medianDaysParkToSale',
    'funnel',
    'monthly',
    'byCategory',
  ],
  properties: {
    filter: {
      type: 'object',
      required: ['from', 'to'],
      properties: {
        from: { type: 'string' },
        to: { type: 'string' },
        site: { type: 'string' },
        category: integer,
      },
    },
    registered: amount,
    received: amount,
    missing: amount,
    tested: amount,
    workshop: amount,
    repaired: amount,
    forSale: amount,
    onShelf: amount,
    sold: sales,
    rejected: amount,
    rejectedByReason: {
      type: 'array',
      items: {
        type: 'object',
        required: ['reason', 'count', 'kg'],
        properties: {
          reason: {
            description: 'ORDS barrier 1–6, or unsafe / incomplete / no-demand',
            anyOf: [integer, { type: 'string' }],
          },
          ...amount.properties,
        },
      },
    },
    rejectedByDestination: {
      type: 'array',
      items: {
        type: 'object',
        required: ['destination', 'count', 'kg'],
        properties: {
          destination: { type: 'string', enum: ['recycling', 'parts'] },
          ...amount.properties,
        },
      },
    },
    labourMinutes: number,
    co2eAvoidedKg: number,
    wasteAvoidedKg: number,
    reuseRate: nullableNumber,
    repairRate: nullableNumber,
    medianDaysParkToShelf: nullableNumber,
    medianDaysParkToSale: nullableNumber,
    funnel: {
      type: 'object',
      required: ['registered', 'received', 'forSale', 'sold'],
      properties: { registered: integer, received: integer, forSale: integer, sold: integer },
    },
    monthly: {
      type: 'array',
      items: {
        type: 'object',
        required: ['park', 'month', 'registered', 'sold'],
        properties: {
          park: { type: 'string', nullable: true },
          month: { type: 'string', description: 'YYYY-MM' },
          registered: amount,
          sold: sales,
        },
      },
    },
    byCategory: {
      type: 'array',
      items: {
        type: 'object',
        required: ['category', 'registered', 'sold', 'rejected', 'co2eAvoidedKg'],
        properties: {
          category: { type: 'integer', nullable: true },
          registered: amount,
          sold: sales,
          rejected: amount,
          co2eAvoidedKg: number,
        },
      },
    },
  },
} as const;

// JSON schemas shared by the routers; they also make the OpenAPI document. Stores nothing.
export const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'string' }, message: { type: 'string' } },
    },
  },
} as const;

export const personSchema = {
  type: 'object',
  required: ['id', 'name', 'role'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    role: {
      type: 'string',
      enum: ['attendant', 'technician', 'coordinator', 'admin', 'host', 'fixer', 'organiser'],
    },
  },
} as const;

export const siteSchema = {
  type: 'object',
  required: ['id', 'name', 'kind'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: ['park', 'shop', 'cafe'] },
    ordsGroup: { type: 'string', description: "a café's ORDS group_identifier (cafés only)" },
    contactRetentionDays: {
      type: 'integer',
      description: "days a café keeps a visitor's follow-up contact (cafés only)",
    },
  },
} as const;

export const tenantSchema = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
} as const;

export const bearer = [{ bearer: [] }];

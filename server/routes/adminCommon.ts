// What the /admin routers share: the coordinator-or-admin guard, the JSON schemas of their
// answers, and small helpers. Stores nothing.
import type { FastifyRequest } from 'fastify';
import type { AuthContext } from '../auth';
import { caller } from '../auth';
import type { ServerContext } from '../context';
import { ApiError } from '../errors';
import type { Role } from '../store/schema';
import { bearer, errorSchema } from './schemas';

export type AdminCaller = AuthContext & { person: { id: string; role: Role } };

/** onRequest hook of every /admin route: a signed-in coordinator or admin, else 401/403. Runs
 * before the body is read, so nobody else learns even whether their input was valid. */
export function adminGuard(ctx: ServerContext) {
  return async (request: FastifyRequest): Promise<void> => {
    await ctx.requireAuth(request);
    const role = request.auth?.person?.role;
    if (role !== 'coordinator' && role !== 'admin') {
      throw new ApiError(
        403,
        'forbidden',
        'Only a signed-in coordinator or admin may use the administration.',
      );
    }
  };
}

/** The caller of an /admin route (the guard has let them in). */
export function adminCaller(request: FastifyRequest): AdminCaller {
  const auth = caller(request);
  if (auth.person === null) throw new ApiError(403, 'forbidden', 'Sign in as a coordinator.');
  return { ...auth, person: auth.person };
}

export const badRequest = (message: string) => new ApiError(400, 'bad-request', message);
export const notFound = (what: string) =>
  new ApiError(404, 'not-found', `${what} is not in your region.`);
export const conflict = (message: string) => new ApiError(409, 'conflict', message);

/** The common parts of an /admin route's schema: tag, bearer, and the error answers. */
export function adminSchema<T extends Record<string, unknown>>(
  summary: string,
  parts: T & { response: Record<number, unknown> },
) {
  return {
    summary,
    tags: ['admin'],
    security: bearer,
    ...parts,
    response: {
      400: errorSchema,
      401: errorSchema,
      403: errorSchema,
      ...parts.response,
    },
  };
}

export const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;
export const nullableText = (maxLength: number) =>
  ({ type: 'string', maxLength, nullable: true }) as const;
const nullableString = { type: 'string', nullable: true } as const;
export const ROLES = [
  'attendant',
  'technician',
  'coordinator',
  'admin',
  'host',
  'fixer',
  'organiser',
] as const;
const roleEnum = { type: 'string', enum: ROLES };

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 100 } },
} as const;

export const adminSiteSchema = {
  type: 'object',
  required: [
    'id',
    'name',
    'kind',
    'address',
    'intercommunale',
    'ordsGroup',
    'contactRetentionDays',
    'people',
  ],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string', enum: ['park', 'shop', 'cafe'] },
    address: nullableString,
    intercommunale: nullableString,
    ordsGroup: { ...nullableString, description: "a café's ORDS group_identifier; null otherwise" },
    contactRetentionDays: {
      type: 'integer',
      nullable: true,
      description: "a café's days to keep a visitor's follow-up contact; null otherwise",
    },
    people: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name', 'role'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, role: roleEnum },
      },
    },
  },
} as const;

export const adminPersonSchema = {
  type: 'object',
  required: ['id', 'name', 'role', 'username', 'sites', 'active'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    role: roleEnum,
    username: nullableString,
    sites: { type: 'array', items: { type: 'string' } },
    active: { type: 'boolean' },
  },
} as const;

export const deviceSchema = {
  type: 'object',
  required: [
    'id',
    'name',
    'site',
    'createdAt',
    'lastSeenAt',
    'pendingAtLastContact',
    'appVersion',
    'revokedAt',
  ],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    site: { type: 'string', description: 'site id' },
    createdAt: { type: 'string', format: 'date-time' },
    lastSeenAt: { ...nullableString, format: 'date-time' },
    pendingAtLastContact: { type: 'integer', nullable: true },
    appVersion: nullableString,
    revokedAt: { ...nullableString, format: 'date-time' },
  },
} as const;

/** A limit query parameter: digits only, checked against its maximum by the route. */
export function limitOf(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw badRequest(`limit must be a whole number from 1 to ${max}.`);
  return n;
}

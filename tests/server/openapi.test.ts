// The OpenAPI document a funder's or hub's system generates its client from: every operation
// named once, the server declared, and each operation's `security` true to what the route does
// (checked by calling every operation without a token).
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { operationIdFor, registerOpenApi } from '../../server/openapiPlugin';
import type { Store } from '../../server/store/createStore';
import { openTestStore } from './testStore';

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
}
interface Document {
  servers?: { url: string }[];
  security?: Record<string, string[]>[];
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Method = (typeof METHODS)[number];

function operations(doc: Document): { method: Method; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m] !== undefined).map((method) => ({
      method,
      path,
      op: item[method] ?? {},
    })),
  );
}

describe('OpenAPI document', () => {
  let store: Store;
  let app: FastifyInstance;
  let doc: Document;

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    app = await buildApp({ store, demo: false, setupCode: 'SETUP-CODE-FOR-TEST' });
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json<Document>();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('declares its server and needs a bearer token unless an operation says otherwise', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.servers?.[0]?.url).toBe('/');
    expect(doc.security).toEqual([{ bearer: [] }]);
  });

  it('gives every operation a unique, readable operationId', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(20);
    const ids = ops.map(({ op }) => op.operationId ?? '');
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        'syncPush',
        'syncPull',
        'getPhoto',
        'putPhoto',
        'adminListSites',
        'adminCreateSite',
        'adminUpdateSite',
        'adminRevokeDevice',
        'enrollDevice',
        'createSession',
        'getHealth',
        'publicGetItem',
        'exportItemsCsv',
      ]),
    );
  });

  it('marks exactly the operations that answer without a token with security: []', async () => {
    const ops = operations(doc);
    const seen = { open: 0, guarded: 0 };
    for (const { method, path, op } of ops) {
      // Any value fits a path parameter here: the token is checked before anything else.
      const url = path.replace(/\{[^}]+\}/g, 'BW0000000000');
      const body = ['post', 'put', 'patch'].includes(method) ? {} : undefined;
      const res = await app.inject({
        method: method.toUpperCase() as 'GET',
        url,
        ...(body === undefined ? {} : { payload: body }),
      });
      const where = `${method.toUpperCase()} ${path} answered ${res.statusCode}`;
      if (res.statusCode === 401) {
        seen.guarded += 1;
        expect(op.security, where).toEqual([{ bearer: [] }]);
      } else {
        seen.open += 1;
        expect(op.security, where).toEqual([]);
      }
    }
    // At least health, enrollment, sign-in, set-up and the public card answer without a token.
    expect(seen.open).toBeGreaterThanOrEqual(5);
    expect(seen.guarded).toBeGreaterThan(0);
  });

  it('names operations from method and path alone', () => {
    expect(operationIdFor('POST', '/api/v1/sync/push')).toBe('syncPush');
    expect(operationIdFor('GET', '/api/v1/photos/:sha256')).toBe('getPhoto');
    expect(operationIdFor('GET', '/api/v1/admin/people')).toBe('adminListPeople');
    expect(operationIdFor('PATCH', '/api/v1/admin/people/:id')).toBe('adminUpdatePerson');
    expect(operationIdFor('POST', '/api/v1/admin/enrollment-codes')).toBe(
      'adminCreateEnrollmentCode',
    );
    expect(operationIdFor('GET', '/api/v1/admin/labels/code/:code')).toBe('adminGetLabelCode');
    expect(operationIdFor('GET', '/api/v1/figures')).toBe('getFigures');
    expect(operationIdFor('GET', '/api/v1/figures/regions')).toBe('getFiguresByRegion');
    expect(operationIdFor('GET', '/api/v1/exports/ords.csv')).toBe('exportOrdsCsv');
  });

  it('names PUBLIC_URL as the server when it is given', async () => {
    const bare = Fastify();
    try {
      await registerOpenApi(bare, { publicUrl: 'https://bewaar.example.be' });
      bare.get('/api/v1/health', { schema: { summary: 'health' } }, () => ({ ok: true }));
      await bare.ready();
      const served = bare.swagger() as Document;
      expect(served.servers).toEqual([
        expect.objectContaining({ url: 'https://bewaar.example.be' }),
      ]);
      expect(served.paths['/api/v1/health']?.get?.security).toEqual([]);
    } finally {
      await bare.close();
    }
  });
});

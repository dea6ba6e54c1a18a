// Production first start: the logged set-up code creates the first admin, once. Both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { createPerson, createTenant } from '../../server/directory';
import type { Store } from '../../server/store/createStore';
import { STORE_KINDS, openTestStore } from './testStore';
import { errorCode, signIn } from './harness';

describe.each(STORE_KINDS)('first-start admin set-up on %s', (kind) => {
  let store: Store;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await openTestStore(kind);
    app = await buildApp({
      store,
      demo: false,
      setupCode: 'the-code-123',
      rateLimit: { max: 1000 },
    });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const setup = (code: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: {
        code,
        username: 'admin',
        password: 'a long password',
        name: 'Admin',
        tenant: 'Regio Gent',
      },
    });

  it('refuses a wrong code, accepts the right one once, and the admin can sign in', async () => {
    const needed = () =>
      app
        .inject({ method: 'GET', url: '/api/v1/setup' })
        .then((r) => r.json<{ needed: boolean }>());
    expect(await needed()).toEqual({ needed: true });
    const wrong = await setup('guess');
    expect(wrong.statusCode).toBe(400);
    expect(errorCode(wrong)).toBe('setup-code-invalid');
    const ok = await setup('the-code-123');
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ person: { role: string }; tenant: { name: string } }>().person.role).toBe(
      'admin',
    );
    expect(ok.json<{ regions: { name: string }[] }>().regions.map((r) => r.name)).toEqual([
      'Regio Gent',
    ]);
    expect(await needed()).toEqual({ needed: false });
    const again = await setup('the-code-123');
    expect(again.statusCode).toBe(409);
    expect(errorCode(again)).toBe('already-set-up');
    expect(await signIn(app, 'admin', 'a long password')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('set-up code attempts', () => {
  it('are rate-limited per address', async () => {
    const store = await openTestStore('sqlite');
    const app = await buildApp({
      store,
      demo: false,
      setupCode: 'the-code-456',
      rateLimit: { max: 3 },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: { code: `guess-${i}`, username: 'a', password: 'long enough!', name: 'A' },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([400, 400, 400, 429, 429]);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

describe('a set-up that cannot be written', () => {
  it('keeps the code for the next try, and leaves no region behind', async () => {
    const store = await openTestStore('sqlite');
    await createPerson(store.db, {
      tenantId: (await createTenant(store.db, 'Bestaand')).id,
      name: 'Iemand',
      role: 'coordinator',
      username: 'hanne',
      password: 'long enough password',
    });
    const app = await buildApp({
      store,
      demo: false,
      setupCode: 'code-789',
      rateLimit: { max: 100 },
    });
    try {
      const post = (username: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: {
            code: 'code-789',
            username,
            password: 'long enough!',
            name: 'Hanne',
            tenant: 'Regio X',
          },
        });
      const taken = await post('hanne');
      expect(taken.statusCode).toBe(409);
      expect(errorCode(taken)).toBe('conflict');
      const tenants = await store.db.selectFrom('tenants').select('name').execute();
      expect(tenants.map((t) => t.name)).toEqual(['Bestaand']);
      expect((await post('  hanne.admin  ')).statusCode).toBe(200);
      expect(await signIn(app, 'hanne.admin', 'long enough!')).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await post('x y')).statusCode).toBe(400);
    } finally {
      await app.close();
      await store.close();
    }
  });
});

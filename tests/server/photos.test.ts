// Photos: stored once per tenant under their SHA-256, returned only to that tenant. Both stores.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_KINDS } from './testStore';
import { TENANT_B, bearer, enroll, errorCode, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.each(STORE_KINDS)('photos on %s', (kind) => {
  let h: Harness;
  let a: Enrolled;
  let b: Enrolled;

  const put = (token: string, hash: string, bytes: Buffer, type = 'image/jpeg') =>
    h.app.inject({
      method: 'PUT',
      url: `/api/v1/photos/${hash}`,
      headers: { ...bearer(token), 'content-type': type },
      payload: bytes,
    });
  const get = (token: string, hash: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1/photos/${hash}`, headers: bearer(token) });

  beforeAll(async () => {
    h = await startHarness(kind);
    a = await enroll(h.app, 'DEMO-NOORD');
    b = await enroll(h.app, TENANT_B.parkCode);
  });
  afterAll(() => h.close());

  it('stores a photo (201), takes it again (200), and returns the bytes with their type', async () => {
    const bytes = randomBytes(50_000);
    const hash = sha(bytes);
    const first = await put(a.token, hash, bytes, 'image/webp');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ sha256: hash });
    expect((await put(a.token, hash, bytes, 'image/webp')).statusCode).toBe(200);
    const res = await get(a.token, hash);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(Buffer.compare(res.rawPayload, bytes)).toBe(0);
  });

  it("keeps tenants' photos apart", async () => {
    const bytes = randomBytes(1000);
    const hash = sha(bytes);
    expect((await put(a.token, hash, bytes)).statusCode).toBe(201);
    const other = await get(b.token, hash);
    expect(other.statusCode).toBe(404);
    expect(errorCode(other)).toBe('not-found');
    // B may store the same bytes for itself; that does not open A's copy to B or the reverse.
    expect((await put(b.token, hash, bytes)).statusCode).toBe(201);
  });

  it('refuses a wrong hash, a malformed path, other types, no token and more than 2 MB', async () => {
    const bytes = randomBytes(1000);
    const mismatch = await put(a.token, sha(randomBytes(10)), bytes);
    expect(mismatch.statusCode).toBe(400);
    expect(errorCode(mismatch)).toBe('hash-mismatch');
    const badPath = await put(a.token, 'ABC', bytes);
    expect(badPath.statusCode).toBe(400);
    expect((await put(a.token, sha(bytes).toUpperCase(), bytes)).statusCode).toBe(400);
    expect((await put(a.token, sha(bytes), bytes, 'image/png')).statusCode).toBe(415);
    const asJson = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/photos/${sha(bytes)}`,
      headers: bearer(a.token),
      payload: { not: 'a photo' },
    });
    expect(asJson.statusCode).toBe(415);
    const anonymous = await h.app.inject({
      method: 'PUT',
      url: `/api/v1/photos/${sha(bytes)}`,
      headers: { 'content-type': 'image/jpeg' },
      payload: bytes,
    });
    expect(anonymous.statusCode).toBe(401);
    const big = randomBytes(2 * 1024 * 1024 + 1);
    const tooBig = await put(a.token, sha(big), big);
    expect(tooBig.statusCode).toBe(413);
    expect(errorCode(tooBig)).toBe('too-large');
    expect((await get(a.token, sha(bytes))).statusCode).toBe(404);
    expect((await get(a.token, 'nope')).statusCode).toBe(400);
  });
});

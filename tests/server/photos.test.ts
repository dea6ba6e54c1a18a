// Photos: stored once per tenant under their SHA-256, returned only to that tenant. Both stores.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BewaarEvent } from '../../src/domain/index';
import { code, event, registration, senderOf } from './events';
import { STORE_KINDS } from './testStore';
import { TENANT_B, bearer, enroll, errorCode, startHarness } from './harness';
import type { Enrolled, Harness } from './harness';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
// Bytes that start as the image types do; the rest is noise, which the server does not decode.
const MAGIC = {
  jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]),
};
const image = (size: number, kind: keyof typeof MAGIC = 'jpeg') =>
  Buffer.concat([MAGIC[kind], randomBytes(size)]);

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
    const bytes = image(50_000, 'webp');
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
    const bytes = image(1000);
    const hash = sha(bytes);
    expect((await put(a.token, hash, bytes)).statusCode).toBe(201);
    const other = await get(b.token, hash);
    expect(other.statusCode).toBe(404);
    expect(errorCode(other)).toBe('not-found');
    // B may store the same bytes for itself; that does not open A's copy to B or the reverse.
    expect((await put(b.token, hash, bytes)).statusCode).toBe(201);
  });

  it('refuses a wrong hash, a malformed path, other types, no token and more than 2 MB', async () => {
    const bytes = image(1000);
    const mismatch = await put(a.token, sha(randomBytes(10)), bytes);
    expect(mismatch.statusCode).toBe(400);
    expect(errorCode(mismatch)).toBe('hash-mismatch');
    const badPath = await put(a.token, 'ABC', bytes);
    expect(badPath.statusCode).toBe(400);
    expect((await put(a.token, sha(bytes).toUpperCase(), bytes)).statusCode).toBe(400);
    expect((await put(a.token, sha(bytes), bytes, 'image/gif')).statusCode).toBe(415);
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
    const big = image(2 * 1024 * 1024 + 1);
    const tooBig = await put(a.token, sha(big), big);
    expect(tooBig.statusCode).toBe(413);
    expect(errorCode(tooBig)).toBe('too-large');
    expect((await get(a.token, sha(bytes))).statusCode).toBe(404);
    expect((await get(a.token, 'nope')).statusCode).toBe(400);
  });

  it('keeps only what really is a JPEG, PNG or WebP, whatever the content type says', async () => {
    const png = image(500, 'png');
    const stored = await put(a.token, sha(png), png, 'image/jpeg');
    expect(stored.statusCode).toBe(201);
    expect((await get(a.token, sha(png))).headers['content-type']).toBe('image/png');
    for (const fake of [
      Buffer.from('<html><script>alert(1)</script></html>'),
      Buffer.from('GIF89a' + 'x'.repeat(100)),
      Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('AVI LIST')]),
    ]) {
      const res = await put(a.token, sha(fake), fake, 'image/jpeg');
      expect(res.statusCode).toBe(415);
      expect(errorCode(res)).toBe('unsupported-media-type');
      expect((await get(a.token, sha(fake))).statusCode).toBe(404);
    }
  });

  it('refuses item.photo-added for a photo the region does not have, and takes it once uploaded', async () => {
    const item = code('BW', 9401);
    const s = senderOf(a);
    const push = async (events: BewaarEvent[]) =>
      (
        await h.app.inject({
          method: 'POST',
          url: '/api/v1/sync/push',
          headers: bearer(a.token),
          payload: { events },
        })
      ).json<{ accepted: string[]; rejected: { code: string; reason?: string }[] }>();
    expect((await push([registration(s, item)])).accepted).toHaveLength(1);
    const bytes = image(800);
    const added = event(s, 'item.photo-added', item, { photo: sha(bytes) });
    const refused = await push([added]);
    expect(refused.rejected).toEqual([
      expect.objectContaining({ code: 'rule', reason: 'photo-missing' }),
    ]);
    // Region B's copy of the same bytes does not count for A.
    expect((await put(b.token, sha(bytes), bytes)).statusCode).toBe(201);
    expect((await push([added])).rejected).toHaveLength(1);
    expect((await put(a.token, sha(bytes), bytes)).statusCode).toBe(201);
    expect((await push([added])).accepted).toEqual([added.id]);
  });
});

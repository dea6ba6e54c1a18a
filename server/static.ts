// Serves the built PWA (BEWAAR_STATIC_DIR, default dist) from the same origin as the API, with
// the SPA fallback: a GET outside /api that is not a file gets index.html. The build writes a
// brotli and a gzip copy of each text file (scripts/precompress.ts); a browser that accepts one
// gets it, with `Vary: accept-encoding`.
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendNotFound } from './errors';

// The service worker and the page that registers it must be revalidated on every load, or a
// new release never reaches the devices; hashed assets never change. `path` is the file sent,
// which may be the compressed copy.
function cacheControl(path: string): string {
  const file = path.replace(/\.(?:br|gz)$/, '');
  if (file.endsWith('sw.js') || file.endsWith('index.html') || file.endsWith('.webmanifest'))
    return 'no-cache';
  if (/[/\\]assets[/\\]/.test(file)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=0';
}

export async function serveStatic(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', cacheControl(path));
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if ((request.method === 'GET' || request.method === 'HEAD') && !path.startsWith('/api')) {
      return reply.sendFile('index.html');
    }
    sendNotFound(request, reply);
    return reply;
  });
}

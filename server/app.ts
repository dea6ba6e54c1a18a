// Builds the HTTP server: the API under /api/v1 (one router per feature), its OpenAPI document,
// security headers, and the built PWA. All state lives in the store it is given.
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { contactRoutes } from './cafe/contactRoutes';
import { startContactSweep } from './cafe/contacts';
import { makeContext } from './context';
import type { TrustProxy } from './config';
import type { RateLimitOptions } from './context';
import { frameworkError, installErrorHandling, sendNotFound } from './errors';
import { createExportPool } from './exportPool';
import type { ExportPoolOptions } from './exportPool';
import { BODY_LIMIT, checkStringLengths } from './limits';
import { registerOpenApi } from './openapiPlugin';
import { adminRoutes } from './routes/admin';
import { codeRoutes } from './routes/codes';
import { deviceRoutes } from './routes/devices';
import { figureRoutes } from './routes/figures';
import { healthRoutes } from './routes/health';
import { photoRoutes } from './routes/photos';
import { publicItemRoutes } from './routes/publicItem';
import { sessionRoutes } from './routes/session';
import { setupRoutes } from './routes/setup';
import { siteRoutes } from './routes/sites';
import { syncRoutes } from './routes/sync';
import { serveStatic } from './static';
import type { Store } from './store/createStore';
import { SERVER_VERSION } from './version';

export interface AppOptions {
  store: Store;
  demo: boolean;
  /** The built PWA to serve (with SPA fallback); none when absent. */
  staticDir?: string;
  rateLimit?: Partial<RateLimitOptions>;
  /** Exports per token (default 10 a minute, the four export routes together). */
  exportRateLimit?: Partial<RateLimitOptions>;
  /** The export worker threads and their queue (exportPool.ts). */
  exportPool?: ExportPoolOptions;
  logger?: boolean;
  /** Fastify's trustProxy: behind a load balancer, rate limits must see the client's IP. */
  trustProxy?: TrustProxy;
  /** Production first start: the one-time code that POST /setup accepts to create the admin. */
  setupCode?: string;
  /** PUBLIC_URL: the origin enrollment QR codes point at. */
  publicUrl?: string | null;
  /** The clock sessions and lockouts read (tests move it); Date.now by default. */
  now?: () => number;
}

/** HSTS tells a browser to use https only, for a year: sent only when this request came over
 * https (directly, or through a trusted proxy that says so), never on plain http. */
const HSTS = 'max-age=31536000; includeSubDomains';

// The PWA's policy: html5-qrcode sets inline styles, the camera preview is a blob: URL.
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'blob:', 'data:'],
  mediaSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
};

/** The whole server, ready for app.inject() or app.listen(). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const serverOptions: FastifyServerOptions = {
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: BODY_LIMIT,
    frameworkErrors: frameworkError,
    // Types are checked, never coerced: `"id": 123` is an error, not the string "123".
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
  };
  const app = Fastify(serverOptions);
  const rateLimit = { max: 10, timeWindow: '1 minute', ...options.rateLimit };
  const ctx = makeContext(options.store, options.demo, SERVER_VERSION, rateLimit, {
    exports: {
      pool: createExportPool(options.exportPool),
      rateLimit: { max: 10, timeWindow: '1 minute', ...options.exportRateLimit },
    },
    publicUrl: options.publicUrl ?? null,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  // A catch-up still running when the app closes finishes before the store may be closed.
  app.addHook('onClose', () => ctx.projector.close());
  // Worker threads would keep the process (and a test run) alive.
  app.addHook('onClose', () => ctx.exports.close());
  // Café contacts past their retention are erased before the server answers its first request,
  // and every hour after.
  let sweep: ReturnType<typeof startContactSweep> | undefined;
  app.addHook('onReady', async () => {
    sweep = startContactSweep(options.store.db, ctx.now, (error: unknown) => {
      app.log.warn({ err: error }, 'Erasing expired café contacts failed; the next sweep retries.');
    });
    await sweep.ready;
  });
  app.addHook('onClose', async () => {
    sweep?.stop();
    await sweep?.ready;
  });

  app.decorateRequest('auth', null);
  // JSON only (and images, on the photo routes): anything else is 415, not a string body.
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    hsts: false,
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.protocol === 'https') void reply.header('strict-transport-security', HSTS);
    done(null, payload);
  });
  // Answers of 1 KiB and more are compressed for a browser that accepts it: a park's tablet is on
  // a mobile link, and a pull page of JSON shrinks about tenfold. What is compressed already
  // (photos, XLSX, which is a zip) is left as it is (mime-db says which types gain), and so are
  // the app's files, which the build compressed once (static.ts). Requests are never inflated:
  // no client sends compressed bodies, and the body limit stays a limit on what is parsed.
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    globalDecompression: false,
  });
  await app.register(fastifyRateLimit, { global: false });
  await registerOpenApi(app, { publicUrl: options.publicUrl ?? null });

  app.addHook('preValidation', (request, _reply, done) => {
    try {
      checkStringLengths(request.body);
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  await app.register(
    (api, _opts, done) => {
      healthRoutes(api, ctx);
      deviceRoutes(api, ctx);
      sessionRoutes(api, ctx);
      setupRoutes(api, ctx, options.setupCode);
      siteRoutes(api, ctx);
      syncRoutes(api, ctx);
      codeRoutes(api, ctx);
      photoRoutes(api, ctx);
      figureRoutes(api, ctx);
      adminRoutes(api, ctx);
      publicItemRoutes(api, ctx);
      contactRoutes(api, ctx);
      done();
    },
    { prefix: '/api/v1' },
  );
  if (options.staticDir === undefined) app.setNotFoundHandler(sendNotFound);
  else await serveStatic(app, options.staticDir);
  return app;
}

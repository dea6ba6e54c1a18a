// What every router gets from buildApp: the store, the projector, the export pool, the mode, the
// rate limits and the auth hook. Stores nothing.
import type { FastifyRequest } from 'fastify';
import { authenticate } from './auth';
import { noteDeviceContact } from './deviceContact';
import type { ExportPool } from './exportPool';
import { createProjector, type Projector } from './projector';
import type { Store } from './store/createStore';

export interface RateLimitOptions {
  /** Attempts per IP per window on enroll and session (default 10 per minute). */
  max: number;
  timeWindow: string | number;
}

export interface ServerContext {
  store: Store;
  /** Keeps the item projection following the log (closed with the app). */
  projector: Projector;
  /** The worker threads that make the export files (closed with the app). */
  exports: ExportPool;
  demo: boolean;
  version: string;
  /** PUBLIC_URL: the origin QR codes point at; null when the browser's own address is used. */
  publicUrl: string | null;
  /** The server's clock (ms): sessions and lockouts read it; tests move it. */
  now: () => number;
  rateLimit: RateLimitOptions;
  /** Exports per token per window, all four export routes together (default 10 a minute). */
  exportRateLimit: RateLimitOptions;
  /** onRequest hook: authenticates before the body is even read. */
  requireAuth: (request: FastifyRequest) => Promise<void>;
  /** onRequest hook of pull: authenticates and records a device's contact (a push records it
   * in its own transaction). */
  requireSyncAuth: (request: FastifyRequest) => Promise<void>;
}

export function makeContext(
  store: Store,
  demo: boolean,
  version: string,
  rateLimit: RateLimitOptions,
  options: {
    exports: { pool: ExportPool; rateLimit: RateLimitOptions };
    publicUrl?: string | null;
    now?: () => number;
  },
): ServerContext {
  const now = options.now ?? Date.now;
  return {
    store,
    projector: createProjector(store),
    exports: options.exports.pool,
    demo,
    version,
    publicUrl: options.publicUrl ?? null,
    now,
    rateLimit,
    exportRateLimit: options.exports.rateLimit,
    requireAuth: async (request) => {
      request.auth = await authenticate(store.db, request, now());
    },
    requireSyncAuth: async (request) => {
      request.auth = await authenticate(store.db, request, now());
      await noteDeviceContact(store.db, request);
    },
  };
}

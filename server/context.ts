// What every router gets from buildApp: the store, the projector, the mode, and the auth hook.
// Stores nothing.
import type { FastifyRequest } from 'fastify';
import { authenticate } from './auth';
import { noteDeviceContact } from './deviceContact';
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
  demo: boolean;
  version: string;
  /** PUBLIC_URL: the origin QR codes point at; null when the browser's own address is used. */
  publicUrl: string | null;
  /** The server's clock (ms): sessions and lockouts read it; tests move it. */
  now: () => number;
  rateLimit: RateLimitOptions;
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
  publicUrl: string | null = null,
  now: () => number = Date.now,
): ServerContext {
  return {
    store,
    projector: createProjector(store),
    demo,
    version,
    publicUrl,
    now,
    rateLimit,
    requireAuth: async (request) => {
      request.auth = await authenticate(store.db, request, now());
    },
    requireSyncAuth: async (request) => {
      request.auth = await authenticate(store.db, request, now());
      await noteDeviceContact(store.db, request);
    },
  };
}

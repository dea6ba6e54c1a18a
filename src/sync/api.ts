// HTTP client for the sync server (/api/v1). Knows the wire format, nothing of screens. `fetch` is
// injectable so simulations can drop requests or responses.
import type { BewaarEvent } from '../domain';

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The server answered with an error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface PushResult {
  accepted: string[];
  duplicate: string[];
  rejected: { id: string; code: string; reason?: string; message: string }[];
}

export interface PullResult {
  events: unknown[];
  cursor: string;
  more: boolean;
  /** How many events come after this page; only when asked for (`count`), and only from a
   * server that knows the field. */
  remaining?: number;
}

export interface Person {
  id: string;
  name: string;
  role: string;
}

export interface Enrollment {
  token: string;
  device: { id: string; name: string };
  site: { id: string; name: string; kind: 'park' | 'shop' | 'cafe' };
  tenant: { id: string; name: string };
  people: Person[];
}

/** A region (tenant) a signed-in person may open. */
export interface Region {
  id: string;
  name: string;
}

/** A person's sign-in: their token for one region, and every region they may open. */
export interface SignedIn {
  token: string;
  person: Person;
  tenant: Region;
  regions: Region[];
  expiresAt: string;
}

/** What the first admin types on the set-up screen. */
export interface SetupRequest {
  code: string;
  name: string;
  username: string;
  password: string;
  tenant: string;
}

export interface Health {
  ok: boolean;
  version: string;
  store: string;
  demo?: boolean;
}

/** The health answer with how far the server's clock (its Date header) is from this device's:
 * positive when the server is ahead; null when the answer had no usable Date. */
export type HealthCheck = Health & { clockOffsetMs: number | null };

/** Whose region a code is, seen from this device (GET /codes/:code). */
export type CodeRegion = 'this' | 'other' | 'none';

export interface ApiOptions {
  baseUrl?: string;
  token?: string | null;
  fetch?: Fetch;
  timeoutMs?: number;
  /** Headers sent with every request, e.g. the app version and pending count a device reports. */
  headers?: () => Promise<Record<string, string>>;
}

/** The server's error body as an ApiError (its status alone when the body is not ours). */
async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  return new ApiError(
    response.status,
    body?.error?.code ?? `http-${response.status}`,
    body?.error?.message ?? response.statusText,
  );
}

/** A client bound to a server and (optionally) a device or person token. */
export function createApi(options: ApiOptions = {}) {
  const base = `${options.baseUrl ?? ''}/api/v1`;
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 20_000;

  /** One request with the token, a JSON content type for bodies, and a timeout. */
  async function send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...(await options.headers?.()) });
    new Headers(init.headers).forEach((value, name) => {
      headers.set(name, value);
    });
    if (options.token) headers.set('Authorization', `Bearer ${options.token}`);
    if (init.body !== undefined && !headers.has('Content-Type')) {
      headers.set('Content-Type', 'application/json');
    }
    return doFetch(`${base}${path}`, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
  }

  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const response = await send(path, init);
    if (!response.ok) throw await failure(response);
    return (await response.json()) as T;
  }

  /** A call whose success is "204 No Content": there is no body to read. */
  async function callEmpty(path: string, init: RequestInit = {}): Promise<void> {
    const response = await send(path, init);
    if (!response.ok) throw await failure(response);
  }

  return {
    /** Any JSON call (the admin screens type their own). */
    json: <T>(path: string, method = 'GET', body?: unknown) =>
      call<T>(path, body === undefined ? { method } : { method, body: JSON.stringify(body) }),
    /** A file the server makes (an export): its bytes. `onAnswer` hears when the server starts
     * sending it (it was made), before the bytes have all come. */
    file: async (path: string, onAnswer?: () => void): Promise<Blob> => {
      const response = await send(path);
      if (!response.ok) throw await failure(response);
      onAnswer?.();
      return response.blob();
    },
    /** Any JSON call answered with no content (204). */
    empty: (path: string, method: string, body?: unknown) =>
      callEmpty(path, body === undefined ? { method } : { method, body: JSON.stringify(body) }),
    health: async (now: () => number = Date.now): Promise<HealthCheck> => {
      const sent = now();
      const response = await send('/health');
      if (!response.ok) throw new ApiError(response.status, `http-${response.status}`, 'health');
      const answer = (await response.json()) as Health;
      const received = now();
      const date = Date.parse(response.headers.get('date') ?? '');
      // The Date header is whole seconds, stamped while the request was under way.
      const clockOffsetMs = Number.isFinite(date) ? date + 500 - (sent + received) / 2 : null;
      return { ...answer, clockOffsetMs };
    },
    codeRegion: async (code: string) =>
      (await call<{ region: CodeRegion }>(`/codes/${encodeURIComponent(code)}`)).region,
    enroll: (code: string, name: string) =>
      call<Enrollment>('/devices/enroll', { method: 'POST', body: JSON.stringify({ code, name }) }),
    session: (username: string, password: string) =>
      call<SignedIn>('/session', {
        method: 'POST',
        body: JSON.stringify({ username, password }),
      }),
    setupNeeded: async () => (await call<{ needed: boolean }>('/setup')).needed,
    setup: (request: SetupRequest) =>
      call<SignedIn>('/setup', { method: 'POST', body: JSON.stringify(request) }),
    switchRegion: (tenant: string) =>
      call<SignedIn>('/session/region', { method: 'POST', body: JSON.stringify({ tenant }) }),
    changePassword: async (current: string, next: string) => {
      const response = await send('/session/password', {
        method: 'POST',
        body: JSON.stringify({ current, next }),
      });
      if (!response.ok) throw await failure(response);
    },
    signOut: async () => {
      const response = await send('/session', { method: 'DELETE' });
      if (!response.ok) throw await failure(response);
    },
    push: (events: readonly BewaarEvent[]) =>
      call<PushResult>('/sync/push', { method: 'POST', body: JSON.stringify({ events }) }),
    pull: (after: string | null, limit: number, count = false) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (after !== null) query.set('after', after);
      if (count) query.set('count', 'true');
      return call<PullResult>(`/sync/pull?${query.toString()}`);
    },
    putPhoto: (sha256: string, blob: Blob) =>
      call<{ sha256: string }>(`/photos/${sha256}`, {
        method: 'PUT',
        body: blob,
        headers: { 'Content-Type': blob.type || 'image/jpeg' },
      }),
    /** A visitor's contact for follow-up (repair café door); idempotent per ticket. */
    postCafeContact: (contact: {
      ticket: string;
      firstName: string;
      phone?: string;
      email?: string;
    }) => call<{ ok: true }>('/cafe/contacts', { method: 'POST', body: JSON.stringify(contact) }),
    getPhoto: async (sha256: string): Promise<Blob | null> => {
      const response = await send(`/photos/${sha256}`);
      return response.ok ? response.blob() : null;
    },
    sites: () =>
      call<{
        sites: {
          id: string;
          name: string;
          kind: string;
          /** A café's ORDS group name (from a server that knows cafés). */
          ordsGroup?: string | null;
          people: Person[];
        }[];
        /** From a server that knows it: names of everyone and every device of the region. */
        names?: { people: Record<string, string>; devices: Record<string, string> };
      }>('/sites'),
  };
}

export type Api = ReturnType<typeof createApi>;

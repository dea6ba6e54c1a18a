// A simulated network between devices and an in-process server: requests reach the real
// Fastify app through `inject`, and each can be lost on the way there, lost on the way back
// (the server applied it, the device never heard), or delivered twice.
import type { FastifyInstance } from 'fastify';
import type { Fetch } from '../../src/sync/api';

export interface Faults {
  offline: boolean;
  dropRequest: boolean;
  dropResponse: boolean;
  duplicate: boolean;
}

export const NO_FAULTS: Faults = {
  offline: false,
  dropRequest: false,
  dropResponse: false,
  duplicate: false,
};

/** What the simulated network did to a request. A TypeError, as a real fetch's network failure
 * is, so the product treats it as one; the simulation catches this class and nothing else. */
export class SimulatedFault extends TypeError {
  constructor(readonly fault: 'offline' | 'request lost' | 'response lost') {
    super(`simulated network fault: ${fault}`);
    this.name = 'SimulatedFault';
  }
}

/** A fetch for one device; `faults()` is asked before every request. */
export function simulatedFetch(app: () => FastifyInstance, faults: () => Faults): Fetch {
  return async (input, init) => {
    const f = faults();
    if (f.offline) throw new SimulatedFault('offline');
    if (f.dropRequest) throw new SimulatedFault('request lost');
    const url = new URL(input, 'http://server.test');
    // Photos travel as blobs, everything else as JSON text.
    const body = init?.body;
    const payload =
      typeof body === 'string'
        ? body
        : body instanceof Blob
          ? Buffer.from(await body.arrayBuffer())
          : undefined;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => {
      headers[key] = value;
    });
    const send = () =>
      app().inject({
        method: (init?.method ?? 'GET') as 'GET' | 'POST' | 'PUT',
        url: url.pathname + url.search,
        headers,
        payload,
      });
    let response = await send();
    if (f.duplicate) response = await send();
    if (f.dropResponse) throw new SimulatedFault('response lost');
    return new Response(response.body, {
      status: response.statusCode,
      headers: {
        'content-type': String(response.headers['content-type'] ?? 'application/json'),
        // Node's HTTP server stamps every response; inject() does not.
        date: response.headers.date ?? new Date().toUTCString(),
      },
    });
  };
}

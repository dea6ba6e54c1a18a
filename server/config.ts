// Server settings from the environment and the command line (README "Configuration").
import { resolve } from 'node:path';
import { storeConfigFromEnv } from './store/createStore';
import type { StoreConfig } from './store/createStore';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  store: StoreConfig;
  demo: boolean;
  staticDir: string;
  trustProxy: TrustProxy;
  /** Where people reach the server (PUBLIC_URL), for links in QR codes; null: the browser's own
   * address is used. */
  publicUrl: string | null;
  /** Worker threads that make export files (undefined: the pool's default). */
  exportWorkers: number | undefined;
}

export type TrustProxy = boolean | string | ((address: string, hop: number) => boolean);

// TRUST_PROXY: `1`/`true` trusts every proxy, a number that many hops, anything else is a list
// of proxy addresses (Fastify's trustProxy).
function trustProxyFrom(value: string | undefined): TrustProxy {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return value;
}

/** PUBLIC_URL as an origin without a trailing slash, or null when unset. */
export function publicUrlFrom(value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`PUBLIC_URL must be an http(s) address, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`PUBLIC_URL must be an http(s) address, not "${value}"`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function exportWorkersFrom(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const workers = Number(value);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    throw new Error(`BEWAAR_EXPORT_WORKERS must be a whole number from 1 to 64, not "${value}"`);
  }
  return workers;
}

/** Reads PORT, HOST, BEWAAR_DATA_DIR, DATABASE_URL, BEWAAR_DEMO, BEWAAR_STATIC_DIR, TRUST_PROXY,
 * PUBLIC_URL, BEWAAR_EXPORT_WORKERS, --demo. */
export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${env.PORT ?? ''}"`);
  }
  const dataDir = resolve(env.BEWAAR_DATA_DIR ?? './data');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    store: storeConfigFromEnv(env, dataDir),
    demo: env.BEWAAR_DEMO === '1' || argv.includes('--demo'),
    staticDir: resolve(env.BEWAAR_STATIC_DIR ?? 'dist'),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    exportWorkers: exportWorkersFrom(env.BEWAAR_EXPORT_WORKERS),
  };
}

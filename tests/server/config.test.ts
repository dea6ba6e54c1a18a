// Configuration from the environment and the command line.
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';

describe('readConfig', () => {
  it('defaults to SQLite in ./data on port 8080, demo off', () => {
    const config = readConfig({}, []);
    expect(config.port).toBe(8080);
    expect(config.store).toEqual({ kind: 'sqlite', file: `${process.cwd()}/data/bewaar.sqlite` });
    expect(config.demo).toBe(false);
    expect(config.staticDir).toBe(`${process.cwd()}/dist`);
    expect(config.trustProxy).toBe(false);
    expect(config.publicUrl).toBeNull();
  });

  it('reads PUBLIC_URL as an address without a trailing slash, and refuses anything else', () => {
    expect(readConfig({ PUBLIC_URL: 'https://bewaar.example.be/' }, []).publicUrl).toBe(
      'https://bewaar.example.be',
    );
    expect(readConfig({ PUBLIC_URL: 'https://example.be:8443/bewaar/' }, []).publicUrl).toBe(
      'https://example.be:8443/bewaar',
    );
    expect(() => readConfig({ PUBLIC_URL: 'bewaar.example.be' }, [])).toThrow(/PUBLIC_URL/);
    expect(() => readConfig({ PUBLIC_URL: 'javascript:alert(1)' }, [])).toThrow(/PUBLIC_URL/);
  });

  it('switches to PostgreSQL for a postgres:// URL and to demo mode by env or flag', () => {
    const url = 'postgres://u:p@db:5432/bewaar';
    expect(readConfig({ DATABASE_URL: url }, []).store).toEqual({ kind: 'postgres', url });
    expect(readConfig({ DATABASE_URL: 'mysql://x' }, []).store.kind).toBe('sqlite');
    expect(readConfig({ BEWAAR_DEMO: '1' }, []).demo).toBe(true);
    expect(readConfig({}, ['--demo']).demo).toBe(true);
    expect(readConfig({ BEWAAR_DEMO: '0' }, []).demo).toBe(false);
    expect(readConfig({ BEWAAR_DATA_DIR: '/srv/bewaar' }, []).store).toEqual({
      kind: 'sqlite',
      file: '/srv/bewaar/bewaar.sqlite',
    });
    expect(readConfig({ TRUST_PROXY: '1' }, []).trustProxy).toBe(true);
    const hops = readConfig({ TRUST_PROXY: '2' }, []).trustProxy;
    expect(typeof hops === 'function' && [hops('a', 0), hops('a', 1), hops('a', 2)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(readConfig({ TRUST_PROXY: '10.0.0.1' }, []).trustProxy).toBe('10.0.0.1');
  });

  it('refuses a port that is not one', () => {
    expect(() => readConfig({ PORT: 'http' }, [])).toThrow(/PORT/);
  });

  it('takes the export worker threads from BEWAAR_EXPORT_WORKERS, a whole number from 1', () => {
    expect(readConfig({}, []).exportWorkers).toBeUndefined();
    expect(readConfig({ BEWAAR_EXPORT_WORKERS: '3' }, []).exportWorkers).toBe(3);
    for (const bad of ['0', '1.5', 'two'])
      expect(() => readConfig({ BEWAAR_EXPORT_WORKERS: bad }, [])).toThrow(/BEWAAR_EXPORT_WORKERS/);
  });
});

// The product's server as its own process, for e2e tests and benches that need the real thing
// serving a build: started (in demo mode, or as `npm run serve` with demo off, as a region runs
// it), awaited until its health endpoint answers, stopped. What it logs can be read.
import { spawn } from 'node:child_process';

export interface ServerProcess {
  origin: string;
  /** Everything the server printed so far (production mode only). */
  output: () => string;
  /** Stops the server and resolves once the process has exited (its port is free again). */
  stop: () => Promise<void>;
}

/** Starts `server/main.ts --demo` on `port` (or, with `production`, `npm run serve` without
 * demo mode), serving `staticDir`, storing in `dataDir`. */
export async function startServerProcess(options: {
  port: number;
  staticDir: string;
  dataDir: string;
  production?: boolean;
}): Promise<ServerProcess> {
  const origin = `http://localhost:${options.port}`;
  const production = options.production === true;
  // Demo mode only where asked for: an inherited BEWAAR_DEMO must not turn production into it.
  const env = { ...process.env };
  delete env.BEWAAR_DEMO;
  const child = spawn(
    production ? 'npm' : 'npx',
    production ? ['run', '--silent', 'serve'] : ['tsx', 'server/main.ts', '--demo'],
    {
      stdio: ['ignore', production ? 'pipe' : 'ignore', production ? 'pipe' : 'ignore'],
      detached: true,
      env: {
        ...env,
        PORT: String(options.port),
        HOST: '127.0.0.1',
        BEWAAR_STATIC_DIR: options.staticDir,
        BEWAAR_DATA_DIR: options.dataDir,
      },
    },
  );
  let printed = '';
  const collect = (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const stop = async () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // already gone
    }
    await exited;
  };
  for (let i = 0; i < 300; i++) {
    const up = await fetch(`${origin}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { origin, output: () => printed, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`server on port ${options.port} did not start`);
}

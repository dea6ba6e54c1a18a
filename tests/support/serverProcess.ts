// The product's server as its own process (demo mode), for e2e tests and benches that need the
// real thing serving a build: started, awaited until its health endpoint answers, stopped.
import { spawn } from 'node:child_process';

export interface ServerProcess {
  origin: string;
  /** Stops the server and resolves once the process has exited (its port is free again). */
  stop: () => Promise<void>;
}

/** Starts `server/main.ts --demo` on `port`, serving `staticDir`, storing in `dataDir`. */
export async function startServerProcess(options: {
  port: number;
  staticDir: string;
  dataDir: string;
}): Promise<ServerProcess> {
  const origin = `http://localhost:${options.port}`;
  const child = spawn('npx', ['tsx', 'server/main.ts', '--demo'], {
    stdio: 'ignore',
    detached: true,
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      BEWAAR_STATIC_DIR: options.staticDir,
      BEWAAR_DATA_DIR: options.dataDir,
    },
  });
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
    if (up) return { origin, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`server on port ${options.port} did not start`);
}

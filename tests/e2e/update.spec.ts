// A new release reaches a tablet through the service worker, but only takes over when the person
// taps "Nu bijwerken": two real builds, served one after the other on the same origin.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ParkTablet } from './pages/ParkTablet';
import { tempDir, waitForServiceWorker } from './support';

const PORT = 4181;

function build(outDir: string, label: string): void {
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    {
      env: { ...process.env, BEWAAR_BUILD_LABEL: label },
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error(`build ${label} failed`);
}

async function serve(outDir: string): Promise<ChildProcess> {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://localhost:${PORT}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('preview did not start');
}

function stop(server: ChildProcess): void {
  if (server.pid !== undefined) process.kill(-server.pid, 'SIGTERM');
}

test('a new version waits for consent, then takes over', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = tempDir('bewaar-update-');
  const first = join(dir, 'first');
  const second = join(dir, 'second');
  build(first, 'first');
  build(second, 'second');

  let server = await serve(first);
  try {
    await page.goto(`http://localhost:${PORT}/`);
    const tablet = new ParkTablet(page);
    await tablet.setUp('Recyclagepark Noord', ['Els']);
    await tablet.pickPerson('Els');
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await expect(page.getByText('0.1.0+first')).toBeVisible();

    stop(server);
    server = await serve(second);
    // The browser checks for a new service worker on navigation.
    await page.reload();
    const prompt = page
      .getByRole('alert')
      .filter({ hasText: 'Er is een nieuwe versie van Bewaar.' });
    await expect(prompt).toBeVisible({ timeout: 30_000 });
    // Until the person agrees, the running version stays.
    await expect(page.getByText('0.1.0+first')).toBeVisible();
    await prompt.getByRole('button', { name: 'Nu bijwerken' }).click();
    await expect(page.getByText('0.1.0+second')).toBeVisible({ timeout: 30_000 });
    await expect(prompt).toHaveCount(0);
  } finally {
    stop(server);
  }
});

// A new release reaches a tablet through the service worker, but only takes over when the person
// taps "Nu bijwerken": two real builds, served one after the other on the same origin.
import { spawnSync } from 'node:child_process';
import { startServerProcess } from '../support/serverProcess';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ParkTablet } from './pages/ParkTablet';
import { tempDir, waitForServiceWorker } from './support';

// Beside the e2e server's port (4181 by default), so two checkouts' runs do not meet.
const PORT = Number(process.env.E2E_PORT ?? 4173) + 8;

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

test('a new version waits for consent, then takes over', async ({ page }) => {
  test.setTimeout(180_000);
  const dir = tempDir('bewaar-update-');
  const first = join(dir, 'first');
  const second = join(dir, 'second');
  build(first, 'first');
  build(second, 'second');

  const data = join(dir, 'data');
  let server = await startServerProcess({ port: PORT, staticDir: first, dataDir: data });
  try {
    await page.goto(`http://localhost:${PORT}/`);
    const tablet = new ParkTablet(page);
    await tablet.enroll('DEMO-NOORD');
    await tablet.pickPerson('Bart Claes');
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: 'Instellingen' }).click();
    await expect(page.getByText('0.1.0+first')).toBeVisible();

    await server.stop();
    server = await startServerProcess({ port: PORT, staticDir: second, dataDir: data });
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
    await server.stop();
  }
});

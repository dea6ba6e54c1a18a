// End-to-end tests in the machine's Chromium against the real product: the built PWA served by
// the sync server in demo mode, on a fresh SQLite store per run. One worker: two cores are better
// spent on one browser at a time.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

// E2E_PORT lets a second run (another checkout) share the machine.
const PORT = Number(process.env.E2E_PORT ?? 4173);
// The server's data folder, for tests that set a scene with the admin CLI (workers inherit it).
const DATA_DIR = process.env.BEWAAR_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'bewaar-e2e-'));
process.env.BEWAAR_E2E_DATA_DIR = DATA_DIR;

export default defineConfig({
  testDir: 'tests',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'nl-BE',
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
    serviceWorkers: 'allow',
  },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e' },
    // The screenshots run also walks the bench flows, whose page model keeps a picture per screen,
    // and the header's places on a phone, a zoomed window and a tablet.
    {
      name: 'screenshots',
      testDir: 'tests',
      testMatch: [
        'screenshots/**/*.spec.ts',
        'e2e/custody-bench.spec.ts',
        'e2e/workshop-phone.spec.ts',
        'e2e/header-nav.spec.ts',
      ],
    },
  ],
  webServer: {
    command: 'npx vite build && npx tsx server/main.ts --demo',
    url: `http://localhost:${PORT}/api/v1/health`,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      BEWAAR_DATA_DIR: DATA_DIR,
      BEWAAR_STATIC_DIR: 'dist',
    },
    reuseExistingServer: false,
    timeout: 180_000,
  },
});

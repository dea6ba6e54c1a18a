// Build of the PWA: React app from src/, service worker from sw/ (workbox precache via injectManifest).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompress } from './scripts/precompress.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: {
    // BEWAAR_BUILD_LABEL (e.g. a commit id) tells builds of the same version apart.
    __APP_VERSION__: JSON.stringify(
      process.env.BEWAAR_BUILD_LABEL
        ? `${pkg.version}+${process.env.BEWAAR_BUILD_LABEL}`
        : pkg.version,
    ),
  },
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  resolve: {
    alias: [
      // write-excel-file's fflate, with a zip that never makes a blob: worker, which the CSP
      // refuses (the why: src/features/figures/fflateSyncZip.ts).
      {
        find: /^fflate$/,
        replacement: fileURLToPath(
          new URL('./src/features/figures/fflateSyncZip.ts', import.meta.url),
        ),
      },
    ],
  },
  // The XLSX export's worker is a module, as the app is (src/features/figures/xlsx.worker.ts).
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      injectManifest: {
        // wasm: the scanner's ZXing-C++ decoder (about 1.1 MB, under the 2 MiB precache limit).
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,wasm}'],
      },
      manifest: {
        name: 'Bewaar — bewarend inzamelen',
        short_name: 'Bewaar',
        description:
          'Toestellen van het recyclagepark naar de kringwinkel volgen, ook zonder netwerk.',
        lang: 'nl-BE',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#0b5d36',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
    }),
    // Last: the service worker above is written when the bundle closes, and is compressed too.
    precompress(),
  ],
});

// Entry point: renders the app into #root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LOCALE, useLangStore } from './i18n/i18n';
import { primeDeviceProfile } from './features/setup/deviceProfile';
import { ensureProjections, getDb } from './storage';
import './styles.css';

document.documentElement.lang = LOCALE[useLangStore.getState().lang];
const root = document.getElementById('root');
// Projections folded by an older release are rebuilt from the log before the first screen; the
// device's profile and person are read meanwhile, so the first render can show the screen.
await Promise.all([
  ensureProjections(getDb()).catch((error: unknown) => {
    console.error('projection rebuild failed', error);
  }),
  primeDeviceProfile().catch((error: unknown) => {
    console.error('reading the device profile failed', error);
  }),
]);
// The connection public/warm-storage.js opened early has done its job once ours is open.
(window as { __bewaarWarm?: IDBDatabase }).__bewaarWarm?.close();
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// The whole app for a device with a profile, with what it needs before its first render:
// projections folded by an older release are rebuilt from the log, and the device's profile and
// person are read meanwhile, so the first render can show the screen.
import { primeDeviceProfile } from '../features/setup/deviceProfile';
import { ensureProjections, getDb } from '../storage';
import { App } from './App';

/** Readies the device's storage; returns the app to render. */
export async function startApp(): Promise<typeof App> {
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
  return App;
}

// Whether this browser holds a device profile, read straight from IndexedDB before any of the
// app's storage code (Dexie) is loaded: a new device's first screen, and a shopper's phone
// opening a public card, never need that code.
const DATABASE = 'bewaar';
const META = 'meta';
/** The key features/setup/deviceProfile.ts stores the profile under. */
const PROFILE = 'deviceProfile';

/** True when a profile is stored, and when it cannot be told (the whole app then opens the
 * database and says what is wrong); false when there is no database or no profile in it. */
export function deviceEnrolled(): Promise<boolean> {
  if (!('indexedDB' in window)) return Promise.resolve(true);
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DATABASE);
    } catch {
      resolve(true);
      return;
    }
    let missing = false;
    // No database yet: the creation is undone (the app's own schema makes it), and no profile.
    request.onupgradeneeded = () => {
      missing = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(!missing);
    };
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(META)) {
        db.close();
        resolve(false);
        return;
      }
      const read = db.transaction(META).objectStore(META).get(PROFILE);
      read.onsuccess = () => {
        db.close();
        resolve(read.result !== undefined);
      };
      read.onerror = (event) => {
        event.preventDefault();
        db.close();
        resolve(true);
      };
    };
  });
}

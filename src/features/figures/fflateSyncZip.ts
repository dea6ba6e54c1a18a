// fflate as the app's bundle sees it (vite.config.ts points the bare `fflate` import here): the
// same library, except that `zip` compresses in the calling thread.
//
// Why: write-excel-file makes its XLSX with fflate's `zip`, which compresses every file over
// 160 kB in a Web Worker that fflate creates from a `blob:` URL. The app's CSP allows workers
// from 'self' only (`worker-src`, server/app.ts), so the browser refuses that worker; fflate
// listens for its messages but not for its failure, and the zip never calls back. A month's
// workbook stays under that size; a year's did not, and its download never came. The CSP stays
// as it is: the workbook is built in a worker of our own (xlsx.worker.ts), served from 'self',
// where compressing in that thread blocks nobody.
import { zipSync } from 'fflate/browser';
import type {
  AsyncTerminable,
  AsyncZipOptions,
  AsyncZippable,
  FlateCallback,
  FlateError,
} from 'fflate/browser';

export * from 'fflate/browser';

/** fflate's `zip` (same signature, same deferred callback), done with `zipSync` here. */
export function zip(data: AsyncZippable, cb: FlateCallback): AsyncTerminable;
export function zip(data: AsyncZippable, opts: AsyncZipOptions, cb: FlateCallback): AsyncTerminable;
export function zip(
  data: AsyncZippable,
  optsOrCb: AsyncZipOptions | FlateCallback,
  maybeCb?: FlateCallback,
): AsyncTerminable {
  const [opts, cb] = typeof optsOrCb === 'function' ? [{}, optsOrCb] : [optsOrCb, maybeCb];
  if (!cb) throw new TypeError('zip: no callback');
  let cancelled = false;
  // Like fflate's own, the callback never runs before `zip` has returned.
  setTimeout(() => {
    if (cancelled) return;
    let archive: Uint8Array<ArrayBuffer>;
    try {
      // The async options are the sync ones plus `consume`, which only matters to a worker.
      archive = zipSync(data, opts);
    } catch (error) {
      // fflate calls back with a null archive on failure; its type does not say so.
      cb(error as FlateError, null as unknown as Uint8Array<ArrayBuffer>);
      return;
    }
    cb(null, archive);
  }, 0);
  return () => {
    cancelled = true;
  };
}

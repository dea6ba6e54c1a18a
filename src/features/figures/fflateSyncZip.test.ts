// The app's fflate (see fflateSyncZip.ts): its zip makes no worker for a large file, as fflate's
// own does, and gives the archive fflate would.
import { strToU8, unzipSync, zip as fflateZip } from 'fflate/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zip } from './fflateSyncZip';

// A sheet's XML of about 400 kB: over the 160 kB from which fflate compresses in a worker.
const SHEET = strToU8(
  Array.from({ length: 6000 }, (_, i) => `<row r="${i}"><c t="s"><v>${i * 7}</v></c></row>`).join(
    '',
  ),
);

/** Stands in for the browser's Worker and counts how many were made. */
function countWorkers(): { made: number } {
  const count = { made: 0 };
  vi.stubGlobal(
    'Worker',
    class {
      constructor() {
        count.made += 1;
      }
      postMessage(): void {}
      terminate(): void {}
    },
  );
  return count;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fflate zip without workers', () => {
  it('is needed: fflate itself hands a file this large to a worker', () => {
    const workers = countWorkers();
    const stop = fflateZip({ 'xl/worksheets/sheet1.xml': SHEET }, () => undefined);
    stop();
    expect(workers.made).toBe(1);
  });

  it('zips a large file in this thread, calling back after it returns', async () => {
    const workers = countWorkers();
    let returned = false;
    const archive = await new Promise<Uint8Array>((resolve, reject) => {
      zip({ 'xl/worksheets/sheet1.xml': SHEET, '[Content_Types].xml': strToU8('<x/>') }, (e, d) => {
        expect(returned).toBe(true);
        if (e) reject(e);
        else resolve(d);
      });
      returned = true;
    });
    expect(workers.made).toBe(0);
    const files = unzipSync(archive);
    expect(files['xl/worksheets/sheet1.xml']).toEqual(SHEET);
    expect(archive.length).toBeLessThan(SHEET.length / 4);
  });

  it('takes options, and calls back with the error when zipping fails', async () => {
    const error = await new Promise<unknown>((resolve) => {
      // A name longer than a zip can hold.
      zip({ ['x'.repeat(70_000)]: SHEET }, { level: 1 }, (e) => {
        resolve(e);
      });
    });
    expect(error).toBeInstanceOf(Error);
  });

  it('never calls back once cancelled', async () => {
    const cb = vi.fn();
    const stop = zip({ 'a.xml': SHEET }, cb);
    stop();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cb).not.toHaveBeenCalled();
  });
});

// Reads every QR code in an image (e.g. a screenshot of a printed label sheet) with ZXing-C++
// (zxing-wasm), its wasm loaded from node_modules: no network.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

let prepared = false;

/** The texts of all QR codes found in a PNG or JPEG image. */
export async function decodeQrCodes(image: Uint8Array): Promise<string[]> {
  if (!prepared) {
    const wasm = readFileSync(
      createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'),
    );
    prepareZXingModule({
      overrides: {
        wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
      },
    });
    prepared = true;
  }
  const results = await readBarcodes(image, { formats: ['QRCode'], maxNumberOfSymbols: 255 });
  return results.map((r) => r.text);
}

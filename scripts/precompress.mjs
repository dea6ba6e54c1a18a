// Brotli and gzip copies of the built app's text files, made once at build time (best ratio, no
// CPU at request time): the server sends `<file>.br` or `<file>.gz` to a browser that accepts it
// (server/static.ts). Images are compressed already; source maps are never fetched by a device.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|webmanifest|json|wasm|txt)$/;
/** Below this a compressed copy saves less than a network packet. */
const MIN_BYTES = 1024;
/** Brotli's best quality costs about 20 s of CPU on the scanner's 1 MB decoder (13 % smaller than
 * quality 6, which takes a fifth of a second); files this large, loaded only when the camera
 * opens, get the quicker one so a build stays quick. */
const LARGE_BYTES = 512 * 1024;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** @param {string} file */
async function compressFile(file) {
  const bytes = readFileSync(file);
  const quality = bytes.length > LARGE_BYTES ? 6 : constants.BROTLI_MAX_QUALITY;
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipped(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
}

/** Writes `.br` and `.gz` beside every compressible file of `dir` (recursively) of at least
 * 1 KiB, on zlib's thread pool; returns the files it compressed.
 * @param {string} dir @returns {Promise<string[]>} */
export async function precompressDir(dir) {
  const files = filesUnder(dir).filter(
    (file) => COMPRESSIBLE.test(file) && statSync(file).size >= MIN_BYTES,
  );
  await Promise.all(files.map(compressFile));
  return files;
}

/** The build step (a Vite plugin): runs after every other plugin has written its files (the
 * service worker is written by vite-plugin-pwa's closeBundle).
 * @returns {import('vite').Plugin} */
export function precompress() {
  let outDir = 'dist';
  return {
    name: 'bewaar-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      /** @param {Error | undefined} error */
      async handler(error) {
        if (!error) await precompressDir(outDir);
      },
    },
  };
}

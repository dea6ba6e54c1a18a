// One deterministic set of camera-like frames for the scanner benchmark: 640×480 grey pictures of
// QR codes of real label URLs (`https://bewaar.example/i/BW…`, codes from the product's own
// generator, QR made by the `qrcode` package as tests/support/fakeCamera.ts does), at several
// module sizes, some blurred, some rotated a few degrees, some with sensor noise, and a few with
// everything at once. Rendered with 4×4 supersampling, so fractional sizes and rotations have the
// grey edges a camera gives.
import QRCode from 'qrcode';
import { generateCode } from '../src/domain';
import { seededRandom } from '../server/seededRandom';

export const WIDTH = 640;
export const HEIGHT = 480;

export interface FrameKind {
  name: string;
  /** Pixels per QR module. */
  module: number;
  /** Degrees; the sign is chosen per frame. */
  rotate?: number;
  /** Gaussian blur sigma, pixels. */
  blur?: number;
  /** Gaussian noise sigma, grey levels (0–255). */
  noise?: number;
  /** Dark and light grey levels (default 16 and 235, as the fake camera). */
  dark?: number;
  light?: number;
}

export const FRAME_KINDS: FrameKind[] = [
  { name: 'sharp, 2 px modules', module: 2 },
  { name: 'sharp, 3 px modules', module: 3 },
  { name: 'sharp, 5 px modules', module: 5 },
  { name: 'sharp, 8 px modules', module: 8 },
  { name: 'blur σ 1 px, 4 px modules', module: 4, blur: 1 },
  { name: 'blur σ 2 px, 4 px modules', module: 4, blur: 2 },
  { name: 'blur σ 2 px, 6 px modules', module: 6, blur: 2 },
  { name: 'rotated 3°, 4.5 px modules', module: 4.5, rotate: 3 },
  { name: 'rotated 8°, 4.5 px modules', module: 4.5, rotate: 8 },
  { name: 'noise σ 4, 4 px modules', module: 4, noise: 4 },
  { name: 'noise σ 8, 4 px modules', module: 4, noise: 8 },
  { name: 'noise σ 20, 4 px modules', module: 4, noise: 20 },
  {
    name: 'all at once: 3.5 px, 5°, blur σ 1.2, noise σ 8, grey 60/190',
    module: 3.5,
    rotate: 5,
    blur: 1.2,
    noise: 8,
    dark: 60,
    light: 190,
  },
];

export interface Frame {
  kind: string;
  text: string;
  /** WIDTH × HEIGHT grey levels, row by row. */
  luma: Uint8Array;
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

function blurInPlace(img: Float32Array, sigma: number): void {
  const radius = Math.ceil(sigma * 3);
  const weights: number[] = [];
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    const w = Math.exp(-(i * i) / (2 * sigma * sigma));
    weights.push(w);
    sum += w;
  }
  const k = weights.map((w) => w / sum);
  const tmp = new Float32Array(img.length);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      let v = 0;
      for (let i = -radius; i <= radius; i++) {
        const xx = Math.min(WIDTH - 1, Math.max(0, x + i));
        v += (img[y * WIDTH + xx] ?? 0) * (k[i + radius] ?? 0);
      }
      tmp[y * WIDTH + x] = v;
    }
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      let v = 0;
      for (let i = -radius; i <= radius; i++) {
        const yy = Math.min(HEIGHT - 1, Math.max(0, y + i));
        v += (tmp[yy * WIDTH + x] ?? 0) * (k[i + radius] ?? 0);
      }
      img[y * WIDTH + x] = v;
    }
}

/** Renders `text` as a QR code into a frame of the given kind. */
export function renderFrame(text: string, kind: FrameKind, random: () => number): Uint8Array {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const side = (n + 2 * quiet) * kind.module;
  const dark = kind.dark ?? 16;
  const light = kind.light ?? 235;
  const angle = (((kind.rotate ?? 0) * Math.PI) / 180) * (random() < 0.5 ? -1 : 1);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // Somewhere in the frame (not always centred), fully inside it.
  const reach = (side / 2) * (Math.abs(cos) + Math.abs(sin));
  const cx = reach + random() * Math.max(0, WIDTH - 2 * reach);
  const cy = reach + random() * Math.max(0, HEIGHT - 2 * reach);
  const img = new Float32Array(WIDTH * HEIGHT);
  const ss = 4;
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      let darkHits = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const px = x + (sx + 0.5) / ss - cx;
          const py = y + (sy + 0.5) / ss - cy;
          // Into the code's own frame (rotate back), then into modules.
          const u = (cos * px + sin * py + side / 2) / kind.module - quiet;
          const v = (-sin * px + cos * py + side / 2) / kind.module - quiet;
          const mx = Math.floor(u);
          const my = Math.floor(v);
          if (mx >= 0 && my >= 0 && mx < n && my < n && qr.modules.get(my, mx)) darkHits++;
        }
      const f = darkHits / (ss * ss);
      img[y * WIDTH + x] = light + (dark - light) * f;
    }
  if (kind.blur) blurInPlace(img, kind.blur);
  const out = new Uint8Array(WIDTH * HEIGHT);
  for (let i = 0; i < img.length; i++) {
    const v = (img[i] ?? 0) + (kind.noise ? gaussian(random) * kind.noise : 0);
    out[i] = Math.min(255, Math.max(0, Math.round(v)));
  }
  return out;
}

/** `perKind` frames of every kind, each with its own label code; the same on every call. */
export function makeFrames(perKind: number, seed = 20261127): Frame[] {
  const random = seededRandom(seed);
  const bytes = (count: number) => {
    const b = new Uint8Array(count);
    for (let i = 0; i < count; i++) b[i] = Math.floor(random() * 256);
    return b;
  };
  const frames: Frame[] = [];
  for (const kind of FRAME_KINDS)
    for (let i = 0; i < perKind; i++) {
      const text = `https://bewaar.example/i/${generateCode('item', bytes)}`;
      frames.push({ kind: kind.name, text, luma: renderFrame(text, kind, random) });
    }
  return frames;
}

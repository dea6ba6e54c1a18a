// A fake camera for Chromium: a Y4M video whose frames show a QR code, generated from the text
// with the qrcode library, so the real scanner reads a real picture.
import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

const WIDTH = 640;
const HEIGHT = 480;

/** Writes a short looping Y4M clip (grey-scale 4:2:0) that shows `text` as a QR code. The code's
 * size changes from frame to frame, as it does in a hand that holds a label up to a tablet: a
 * perfectly still synthetic frame is a harsher test than any camera gives, and html5-qrcode's
 * decoder misses about 1 in 20 codes at a given fixed size, and ~1 in 750 at every size tried
 * (measured with its own zxing-js on these frames; see docs/ARCHITECTURE.md). */
export function writeQrY4m(text: string, file: string): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128);
  const parts: Buffer[] = [header];
  for (const side of [280, 300, 320, 340, 360, 380, 400, 420, 440, 460]) {
    parts.push(Buffer.from('FRAME\n'), lumaOf(qr.modules, side), chroma);
  }
  writeFileSync(file, Buffer.concat(parts));
}

function lumaOf(
  modules: { size: number; get: (row: number, col: number) => number },
  side: number,
) {
  const quiet = 4;
  const module = side / (modules.size + 2 * quiet);
  const left = Math.floor((WIDTH - side) / 2);
  const top = Math.floor((HEIGHT - side) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / module) - quiet;
      const my = Math.floor(y / module) - quiet;
      const dark =
        mx >= 0 && my >= 0 && mx < modules.size && my < modules.size && modules.get(my, mx) === 1;
      luma[(top + y) * WIDTH + left + x] = dark ? 16 : 235;
    }
  }
  return luma;
}

/** Chromium flags that replace the camera with the clip. */
export function fakeCameraArgs(y4mFile: string): string[] {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${y4mFile}`,
  ];
}

// Camera photos are re-encoded on the device: long side at most 1600 px, JPEG. Re-encoding through
// a canvas drops every EXIF tag (location, camera serial), which is the point; orientation is
// applied first so the picture stays upright. Uses the browser's own decoder and scaler.
import { storePhoto } from '../../storage';

export const MAX_PHOTO_SIDE = 1600;

/** Target size that fits the long side into `max`, never enlarging. */
export function fitWithin(width: number, height: number, max = MAX_PHOTO_SIDE) {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** Resizes, strips metadata and stores the photo; returns its SHA-256. */
export async function processPhoto(file: Blob): Promise<string> {
  const source = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const size = fitWithin(source.width, source.height);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas-unavailable');
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, size.width, size.height);
  source.close();
  const blob = await new Promise<Blob>((resolve, reject) => {
    canvas.toBlob(
      (b) => {
        if (b) resolve(b);
        else reject(new Error('encode-failed'));
      },
      'image/jpeg',
      0.85,
    );
  });
  return storePhoto(blob, size);
}

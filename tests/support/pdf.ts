// Reads a PDF the browser printed (page.pdf()) the way a person reads the paper: the text of each
// page, and each piece of text with where it stands, so a test can tell a code printed whole
// from one cut by its label's edge. Renders a page to PNG for the docs' pictures.
import { createRequire } from 'node:module';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  text: string;
  /** Left edge, baseline and width in PDF points from the page's bottom left. */
  x: number;
  y: number;
  width: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfText[];
  /** The page's text, pieces on one line joined by spaces, lines by newlines. */
  text: string;
}

const require = createRequire(import.meta.url);
const STANDARD_FONTS = `${require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '')}standard_fonts/`;

async function open(pdf: Uint8Array) {
  return getDocument({
    data: new Uint8Array(pdf),
    standardFontDataUrl: STANDARD_FONTS,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
}

/** Every page's text pieces, in reading order. */
export async function pdfPages(pdf: Uint8Array): Promise<PdfPage[]> {
  const doc = await open(pdf);
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const items: PdfText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x = 0, y = 0] = item.transform as number[];
      // No-break spaces read as spaces, as a person reads them.
      const text = item.str.replace(/[\u00a0\u202f]/g, ' ');
      // The PDF may hold one printed word in several runs: a run that starts where the previous
      // one on the same baseline ends continues it.
      const previous = items.at(-1);
      if (
        previous &&
        Math.abs(previous.y - y) < 0.5 &&
        Math.abs(previous.x + previous.width - x) < 0.5
      ) {
        previous.text += text;
        previous.width = x + item.width - previous.x;
        continue;
      }
      items.push({ text, x, y, width: item.width });
    }
    // Lines top to bottom, pieces left to right.
    const lines = new Map<number, PdfText[]>();
    for (const item of items) {
      const key = Math.round(item.y);
      lines.set(key, [...(lines.get(key) ?? []), item]);
    }
    const text = [...lines.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, line]) =>
        line
          .sort((a, b) => a.x - b.x)
          .map((i) => i.text)
          .join(' '),
      )
      .join('\n');
    pages.push({ width, height, items, text });
  }
  await doc.destroy();
  return pages;
}

/** Page `n` (from 1) as a PNG at `scale` (1 = 72 dpi), for a picture in the docs. */
export async function pdfPagePng(pdf: Uint8Array, n: number, scale = 1.5): Promise<Buffer> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const doc = await open(pdf);
  const page = await doc.getPage(n);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({
    canvas: canvas as unknown as HTMLCanvasElement,
    canvasContext: context as unknown as CanvasRenderingContext2D,
    viewport,
  }).promise;
  const png = canvas.toBuffer('image/png');
  await doc.destroy();
  return png;
}

// A QR code as an image, drawn on this device (no network), e.g. for an enrollment code or a label.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** The QR code of `text`, `size` CSS pixels wide. */
export function QrImage({ text, size, alt }: { text: string; size: number; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size * 2 }).then(
      (url) => {
        if (live) setSrc(url);
      },
    );
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? (
    <img src={src} width={size} height={size} alt={alt} className="qr" />
  ) : (
    <span className="qr" style={{ width: size, height: size }} />
  );
}

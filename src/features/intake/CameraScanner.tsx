// The camera scanner. This module pulls in html5-qrcode, so it is only loaded (lazily) when a
// person opens the scanner: the intake screen itself stays light.
//
// Decoding: where the browser has no native BarcodeDetector, the `barcode-detector` polyfill
// (ZXing-C++ as WebAssembly) is installed in its place and html5-qrcode uses it instead of its
// own zxing-js decoder — on the bench's frames it read 98 % against 65 % at the same speed
// (docs/BENCHMARKS.md, "The scanner's decoders"). The .wasm is part of the build (precached by
// the service worker), so the scanner works offline and nothing is fetched from a CDN.
import { BarcodeDetector, prepareZXingModule } from 'barcode-detector/ponyfill';
import { Html5Qrcode, Html5QrcodeSupportedFormats } from 'html5-qrcode';
import zxingWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';

prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) =>
      path.endsWith('.wasm') ? new URL(zxingWasmUrl, location.href).href : prefix + path,
  },
});
if (!('BarcodeDetector' in window)) {
  Object.defineProperty(window, 'BarcodeDetector', {
    value: BarcodeDetector,
    configurable: true,
    writable: true,
  });
}

interface Props {
  onDecoded: (text: string) => void;
  onClose: () => void;
}

/** Shows the camera picture and reports the first QR code it reads, then stops. */
export function CameraScanner({ onDecoded, onClose }: Props) {
  const { t } = useT();
  const regionId = `scanner-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [failed, setFailed] = useState(false);
  const decoded = useRef(onDecoded);
  useEffect(() => {
    decoded.current = onDecoded;
  }, [onDecoded]);

  useEffect(() => {
    const scanner = new Html5Qrcode(regionId, {
      formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
      useBarCodeDetectorIfSupported: true,
      verbose: false,
    });
    let done = false;
    let started = false;
    const stop = async () => {
      if (started) {
        started = false;
        await scanner.stop().catch(() => undefined);
      }
    };
    scanner
      .start(
        { facingMode: 'environment' },
        // The whole frame is searched (no aiming box): a label held off-centre or close to the
        // lens still reads, which matters more at the park than a tidy viewfinder.
        { fps: 12 },
        (text) => {
          if (done) return;
          done = true;
          void stop().then(() => {
            decoded.current(text);
          });
        },
        () => undefined,
      )
      .then(() => {
        started = true;
        if (done) void stop();
      })
      .catch(() => {
        setFailed(true);
      });
    return () => {
      done = true;
      void stop();
    };
  }, [regionId]);

  return (
    <section className="scanner" aria-label={t('scan.camera.title')}>
      <div id={regionId} className="scanner-view" />
      {failed && (
        <p className="message message-error" role="alert">
          {t('scan.camera.failed')}
        </p>
      )}
      <button type="button" className="btn btn-secondary btn-block" onClick={onClose}>
        {t('scan.camera.close')}
      </button>
    </section>
  );
}

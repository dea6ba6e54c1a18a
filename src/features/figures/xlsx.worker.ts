// The XLSX export's own worker: a module built by vite into the app's assets, so it is served
// from 'self' as the CSP asks, and precached for offline use like the rest of the build. Building
// a year's workbook here keeps the screen responsive and its progress readable.
import '../../zodJitless';
import { buildXlsx, type XlsxReply, type XlsxRequest } from './xlsxBuild';

function reply(message: XlsxReply): void {
  self.postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<XlsxRequest>) => {
  buildXlsx(event.data, (step) => {
    reply({ step });
  }).then(
    (blob) => {
      reply({ blob });
    },
    (error: unknown) => {
      // Every failure is answered: the screen waits for this message, not for a timeout.
      reply({ error: error instanceof Error ? error.message : String(error) });
    },
  );
});

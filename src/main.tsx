// Entry point: renders into #root what this browser needs first. A device with a profile gets the
// whole app; a browser without one (a new device, a shopper's phone on a public card) gets the
// small first screen, which loads the rest once the device is enrolled.
import './zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { deviceEnrolled } from './app/deviceEnrolled';
import { FirstStart } from './app/FirstStart';
import { LOCALE, useLangStore } from './i18n/i18n';
import './styles.css';

document.documentElement.lang = LOCALE[useLangStore.getState().lang];
const root = document.getElementById('root');
const Root = (await deviceEnrolled())
  ? await import('./app/startApp').then((m) => m.startApp())
  : FirstStart;
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}

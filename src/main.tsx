// Entry point: renders the app into #root.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { LOCALE, useLangStore } from './i18n/i18n';
import './styles.css';

document.documentElement.lang = LOCALE[useLangStore.getState().lang];
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

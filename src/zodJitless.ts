// Zod compiles fast object parsers with `new Function`, after probing whether that is allowed;
// the app's CSP (no 'unsafe-eval') refuses the probe, and the browser reports a violation on
// every page. Imported first by each browser entry (the page, the XLSX worker), so it runs before
// any schema is built; the server, which has no CSP, keeps the compiled parsers.
import { config } from 'zod/v4/core';

config({ jitless: true });

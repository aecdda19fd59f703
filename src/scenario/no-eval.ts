// In the browser, zod checks objects without generated code (no `new Function`), so the pages and their
// workers run under a Content-Security-Policy without 'unsafe-eval' (src/server/http.ts) and never trip
// one. Import it first in a browser entry (src/main.ts, workers/*.worker.ts); the command line keeps
// zod's faster generated checks.
import { z } from 'zod';

z.config({ jitless: true });

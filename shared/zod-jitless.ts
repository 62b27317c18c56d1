// Imported first by the kiosk page's entry points (renderer/main.tsx, electron/preload.ts), before
// any schema exists: zod decides when a schema is built whether to compile parsers with
// `new Function`, which the kiosk's CSP forbids (and its probe for it can run before the page's
// policy applies, then fail at the first parse).
import { z } from 'zod';

z.config({ jitless: true });

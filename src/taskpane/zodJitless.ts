/**
 * zod (the targets schema) probes `new Function` to compile its parsers, which the page's Content-Security-Policy
 * forbids (no 'unsafe-eval'). Imported first by index.tsx, so the setting is in place before any schema exists.
 */
import { config } from "zod";

config({ jitless: true });

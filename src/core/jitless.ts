/**
 * Imported first by the page and by the worker: under the built page's Content-Security-Policy (no
 * eval) zod may not compile its parsers with `new Function`, and its probe for that is itself reported
 * as a violation, so zod is told to interpret its schemas from the start. Schemas parsed while modules
 * load (the defaults) come after this import.
 */
import { z } from 'zod';

z.config({ jitless: true });

import { en } from 'zod/locales';
import { config } from 'zod/mini';

/**
 * zod/mini, for every schema the functions use (API contracts, events, step inputs, configuration).
 * The same engine as classic zod (`zod/v4/core`), with functions instead of methods
 * (`z.optional(s)`, `s.check(z.minLength(1, '…'))`), which tree-shake: a function loads 25–40 KB
 * of zod instead of classic's ~95 KB, all of whose schema classes are built at load
 * (BENCHMARKS.md, "Cold start"). Each check is the one classic's method adds, so the issues (codes,
 * paths, messages) are the same: the API's error messages did not change.
 *
 * zod/mini loads no locale: English is configured here, as classic does at import, so the default
 * messages are classic's. Imported by name from `zod/locales`: `z.locales.en` would bundle every
 * locale. Import this module as a namespace (`import * as z from '…/zod-mini'`).
 */
config(en());

// Re-exported name by name, not as a namespace object, so esbuild still drops what a function does
// not use.
export * from 'zod/mini';

import { resolve } from 'node:path';

/** The repository root: function entries, ASL files and the lock file are resolved from here. */
export const repoRoot = resolve(__dirname, '..', '..');

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FunctionSpec } from '../../topology/types';
import { bundleFunctions, REPO_ROOT, sourceStamp } from './build-functions';

/**
 * Bundles live under node_modules/.cache, one folder per fingerprint of the sources, shared by every
 * data dir (and every test's temporary one). A build goes to a private folder first and is renamed
 * into place, so runtimes starting side by side never read a half-written bundle.
 */
export async function cachedFunctionBundles(
  specs: FunctionSpec[],
): Promise<{ bundles: Map<string, string>; built: boolean }> {
  const root = join(REPO_ROOT, 'node_modules', '.cache', 'tradeflow');
  const stamp = await sourceStamp(specs);
  const target = join(root, `functions-${stamp}`);
  const bundles = new Map(specs.map((spec) => [spec.name, join(target, `${spec.name}.cjs`)]));
  if (existsSync(target)) return { bundles, built: false };

  mkdirSync(root, { recursive: true });
  const staging = join(root, `staging-${process.pid}-${Date.now()}`);
  await bundleFunctions(specs, staging);
  try {
    renameSync(staging, target);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another runtime put the same build in place first
  }
  // Old builds go after a day (a runtime started earlier may still cold-start from its own).
  for (const old of readdirSync(root)) {
    const path = join(root, old);
    if (old !== `functions-${stamp}` && Date.now() - statSync(path).mtimeMs > 86_400_000)
      rmSync(path, { recursive: true, force: true });
  }
  return { bundles, built: true };
}

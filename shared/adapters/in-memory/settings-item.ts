import { ConflictError } from '../../errors';
import type { VersionedSettingsItem } from '../dynamodb-settings-item';

/** For unit tests: a versioned settings item (defaults, version condition) on a variable. */
export function makeInMemorySettingsItem<T extends { version: number }>(
  /** What a conflict names: `the pricing settings`. */
  name: string,
  defaults: T,
  initial?: T,
): VersionedSettingsItem<T> {
  let stored = initial ? structuredClone(initial) : undefined;
  return {
    async get() {
      return structuredClone(stored ?? defaults);
    },
    async put(item) {
      if ((stored?.version ?? 0) !== item.version - 1) {
        throw new ConflictError(`${name} changed since version ${item.version - 1} was read`);
      }
      stored = structuredClone(item);
    },
  };
}

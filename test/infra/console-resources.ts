import { CONSOLE_TAG } from '../../infra/aws/console/console-tag';
import type { CfnResource } from './template-inventory';

/** Whether a resource belongs to the staff console (its nested stacks tag everything they hold). */
export function isConsoleResource(resource: CfnResource): boolean {
  const tags = (resource.Properties?.Tags ?? []) as unknown;
  const list = Array.isArray(tags)
    ? tags
    : Object.entries(tags as Record<string, string>).map(([Key, Value]) => ({ Key, Value }));
  return list.some(
    (tag: { Key?: string; Value?: string }) => tag.Key === CONSOLE_TAG.key && tag.Value === CONSOLE_TAG.value,
  );
}

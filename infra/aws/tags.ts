import { Tags } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Tag keys naming the topology entry a resource was built from, so the console, the bill and the
 * tests can find a resource by its logical name without relying on generated ids.
 */
export const topologyTag = {
  function: 'tradeflow:function',
  table: 'tradeflow:table',
  bucket: 'tradeflow:bucket',
  workflow: 'tradeflow:workflow',
} as const;

export function tagWithTopologyName(scope: IConstruct, key: keyof typeof topologyTag, name: string): void {
  Tags.of(scope).add(topologyTag[key], name);
}

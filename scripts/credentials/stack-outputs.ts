import { StackNotReadyError } from './errors';

/** The CDK stack's name: its id in `infra/aws/create-app.ts` (a unit test keeps the two equal). */
export const DEFAULT_STACK = 'Tradeflow';

/** The outputs this script reads, as `infra/aws/outputs.ts` names them. */
export const OUTPUT_NAMES = {
  apiUrl: 'ApiUrl',
  accessTableName: 'AccessTableName',
  storefrontsUsagePlanId: 'StorefrontsUsagePlanId',
  staffUserPoolId: 'StaffUserPoolId',
} as const;

export type StackIds = { [key in keyof typeof OUTPUT_NAMES]: string };

/** Picks this script's ids from a stack's outputs; a stack deployed before they existed lacks some. */
export function stackIds(stack: string, outputs: Record<string, string>): StackIds {
  const entries = Object.entries(OUTPUT_NAMES) as [keyof StackIds, string][];
  const missing = entries.filter(([, output]) => !outputs[output]).map(([, output]) => output);
  if (missing.length) {
    throw new StackNotReadyError(
      `Stack ${stack} has no output ${missing.join(', ')}: deploy this version first with npx cdk deploy.`,
    );
  }
  return Object.fromEntries(entries.map(([key, output]) => [key, outputs[output]])) as StackIds;
}

import { StackNotReadyError } from '../../../scripts/credentials/errors';
import type { ApiKeyRef, ApiKeys, StackOutputs } from '../../../scripts/credentials/ports';
import type { StackIds } from '../../../scripts/credentials/stack-outputs';

export interface FakeApiKey extends ApiKeyRef {
  name: string;
  description: string;
  plans: Set<string>;
}

/** API Gateway's keys and usage plans, in memory; `calls` records what was asked, in order. */
export function makeFakeApiKeys(options: { failAddToPlan?: boolean } = {}) {
  const keys: FakeApiKey[] = [];
  const calls: string[] = [];
  const apiKeys: ApiKeys = {
    async create({ name, value, description }) {
      calls.push(`create ${name}`);
      const key = {
        id: `key${keys.length + 1}`,
        name,
        value,
        description,
        enabled: true,
        plans: new Set<string>(),
      };
      keys.push(key);
      return { id: key.id };
    },
    async findByName(name) {
      calls.push(`find ${name}`);
      const key = keys.find((candidate) => candidate.name === name);
      return key && { id: key.id, value: key.value, enabled: key.enabled };
    },
    async inUsagePlan(keyId, usagePlanId) {
      return Boolean(keys.find((key) => key.id === keyId)?.plans.has(usagePlanId));
    },
    async addToUsagePlan(keyId, usagePlanId) {
      calls.push(`add ${keyId} ${usagePlanId}`);
      if (options.failAddToPlan) throw new Error('TooManyRequestsException');
      const key = keys.find((candidate) => candidate.id === keyId);
      if (!key) throw new Error(`NotFoundException: no key ${keyId}`);
      // API Gateway refuses a key that is already in the plan.
      if (key.plans.has(usagePlanId)) throw new Error('ConflictException');
      key.plans.add(usagePlanId);
    },
  };
  return { apiKeys, keys, calls };
}

export const stackIdsFixture: StackIds = {
  apiUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1/',
  accessTableName: 'Tradeflow-TablesAccess-XYZ',
  storefrontsUsagePlanId: 'plan-sf',
  staffUserPoolId: 'eu-west-1_AbCdEf123',
};

/** CloudFormation with one deployed stack, named `Tradeflow`, with the given outputs. */
export function makeFakeStackOutputs(outputs: Record<string, string>): StackOutputs {
  return {
    async read(stack) {
      if (stack !== 'Tradeflow') {
        throw new StackNotReadyError(`No stack named ${stack}: deploy first with npx cdk deploy.`);
      }
      return outputs;
    },
  };
}

/** Ids in creation order: sf_1, sf_2, … */
export function sequentialIds() {
  let next = 0;
  return (prefix: 'sf') => `${prefix}_${++next}`;
}

/** Not random at all: each call fills the buffer with the next byte value, so secrets differ. */
export function countingRandom() {
  let next = 0;
  return (size: number) => Buffer.alloc(size, ++next);
}

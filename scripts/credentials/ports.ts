/** What the provisioning needs from API Gateway and CloudFormation: small, so tests can fake them. */

export interface ApiKeyRef {
  id: string;
  value: string;
  enabled: boolean;
}

export interface ApiKeys {
  /** Creates an enabled API key with exactly this value. */
  create(input: { name: string; value: string; description: string }): Promise<{ id: string }>;
  /** The key with exactly this name, with its value; undefined when there is none. */
  findByName(name: string): Promise<ApiKeyRef | undefined>;
  inUsagePlan(keyId: string, usagePlanId: string): Promise<boolean>;
  addToUsagePlan(keyId: string, usagePlanId: string): Promise<void>;
}

export interface StackOutputs {
  /** The stack's outputs by name; throws StackNotReadyError when there is no such stack. */
  read(stack: string): Promise<Record<string, string>>;
}

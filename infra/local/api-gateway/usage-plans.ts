import type { UsagePlanSpec } from '../../topology/types';

export interface ApiKeyRecord {
  id: string;
  value: string;
  name: string;
  plan: string;
  enabled: boolean;
}

/**
 * API keys in usage plans, as API Gateway keeps them: a request's usage identifier key must be an
 * enabled key in a plan, and each key gets the plan's token bucket (rate per second, burst).
 */
export class UsagePlans {
  private readonly keys = new Map<string, ApiKeyRecord>();
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly plans: Map<string, UsagePlanSpec>;

  constructor(plans: UsagePlanSpec[], keys: ApiKeyRecord[]) {
    this.plans = new Map(plans.map((plan) => [plan.name, plan]));
    for (const key of keys) this.add(key);
  }

  add(key: ApiKeyRecord): void {
    if (!this.plans.has(key.plan)) throw new Error(`API key ${key.name}: no usage plan ${key.plan}`);
    this.keys.set(key.value, key);
  }

  find(value: string | undefined): ApiKeyRecord | undefined {
    const key = value ? this.keys.get(value) : undefined;
    return key?.enabled ? key : undefined;
  }

  /** Takes one token from the key's bucket; false means throttled (429). */
  take(key: ApiKeyRecord, now = performance.now()): boolean {
    const plan = this.plans.get(key.plan)!;
    const bucket = this.buckets.get(key.id) ?? { tokens: plan.burstLimit, at: now };
    bucket.tokens = Math.min(plan.burstLimit, bucket.tokens + ((now - bucket.at) / 1000) * plan.rateLimit);
    bucket.at = now;
    this.buckets.set(key.id, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }
}

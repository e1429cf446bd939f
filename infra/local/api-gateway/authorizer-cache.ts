import type { AuthorizerSpec } from '../../topology/types';
import type { PolicyDocument } from './policy';

/** What the authorizer answers (and API Gateway caches): the policy, principal, context and usage key. */
export interface AuthorizerAnswer {
  principalId?: string;
  policyDocument?: PolicyDocument;
  context?: Record<string, unknown>;
  usageIdentifierKey?: string;
}

/** Entries kept at most; the oldest go first (API Gateway's cache is bounded too). */
const MAX_ENTRIES = 10_000;

/**
 * API Gateway's REQUEST authorizer cache. With identity sources declared, a request must carry every
 * one of them, non-empty, or it gets 401 and the authorizer is not called (`identity` answers
 * undefined). With a TTL, the authorizer's whole answer is kept per identity-source values for that
 * many seconds of wall clock, from the call that produced it: Allow and Deny alike. A cached policy is
 * then evaluated against each later request's method ARN, so it must cover every route the caller
 * may call (ours lists them all). As on AWS, a credential disabled meanwhile keeps its cached answer
 * until the TTL ends; an authorizer error is not cached.
 */
export class AuthorizerCache {
  private readonly entries = new Map<string, { answer: AuthorizerAnswer; expires: number }>();
  private readonly sources: string[];
  private readonly ttlMs: number;

  constructor(
    spec: Pick<AuthorizerSpec, 'identitySources' | 'resultsTtlSeconds'>,
    private readonly now: () => number = Date.now,
  ) {
    const ttl = spec.resultsTtlSeconds;
    if (!Number.isInteger(ttl) || ttl < 0 || ttl > 3600)
      throw new Error(`The authorizer's resultsTtlSeconds must be 0 to 3600, not ${ttl}`);
    if (ttl > 0 && !spec.identitySources.length)
      throw new Error('Caching authorizer results needs identity sources to key the cache');
    this.sources = spec.identitySources.map((name) => name.toLowerCase());
    this.ttlMs = ttl * 1000;
  }

  /**
   * The cache key of a request (its identity-source values); `''` when no source is declared;
   * undefined when a declared source is missing or empty (API Gateway's 401).
   */
  identity(headers: Record<string, string>): string | undefined {
    if (!this.sources.length) return '';
    const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
    const values: string[] = [];
    for (const source of this.sources) {
      const value = lower.get(source);
      if (!value?.trim()) return undefined;
      values.push(value);
    }
    return JSON.stringify(values);
  }

  get(identity: string): AuthorizerAnswer | undefined {
    if (!this.ttlMs) return undefined;
    const entry = this.entries.get(identity);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.answer;
    this.entries.delete(identity);
    return undefined;
  }

  set(identity: string, answer: AuthorizerAnswer, calledAt: number): void {
    if (!this.ttlMs) return;
    this.entries.delete(identity);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(identity, { answer, expires: calledAt + this.ttlMs });
  }

  /** The wall clock the TTL runs on. */
  time(): number {
    return this.now();
  }
}

import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ApiKeyRecord, UsagePlans } from './usage-plans';

export interface StoredApiKey {
  id: string;
  name: string;
  value: string;
  enabled: boolean;
  description?: string;
  createdDate: number;
  /** Usage plans (by topology name) the key is in. */
  plans: string[];
}

/**
 * The API keys made at run time (a storefront registered through the API), as API Gateway keeps
 * them: kept in a file so they survive a restart, and put in the gateway's usage plans as they are
 * added to one. The keys the runtime makes itself at boot (local.json's) are not in here.
 */
export class ApiKeyRegistry {
  private readonly keys = new Map<string, StoredApiKey>();

  constructor(
    private readonly file: string,
    private readonly usagePlans: UsagePlans,
  ) {
    if (existsSync(file)) {
      for (const key of JSON.parse(readFileSync(file, 'utf8')) as StoredApiKey[]) {
        this.keys.set(key.id, key);
        for (const plan of key.plans) usagePlans.add(record(key, plan));
      }
    }
  }

  list(): StoredApiKey[] {
    return [...this.keys.values()].sort((a, b) => a.createdDate - b.createdDate);
  }

  get(id: string): StoredApiKey | undefined {
    return this.keys.get(id);
  }

  create(input: { name: string; value?: string; enabled?: boolean; description?: string }): StoredApiKey {
    const value = input.value ?? randomBytes(30).toString('base64url');
    if ([...this.keys.values()].some((key) => key.value === value)) {
      throw new RegistryError('ConflictException', 409, 'API Key value already exists');
    }
    const key: StoredApiKey = {
      id: randomBytes(5).toString('hex'),
      name: input.name,
      value,
      enabled: input.enabled ?? false,
      ...(input.description ? { description: input.description } : {}),
      createdDate: Math.floor(Date.now() / 1000),
      plans: [],
    };
    this.keys.set(key.id, key);
    this.save();
    return key;
  }

  addToPlan(keyId: string, plan: string): StoredApiKey {
    const key = this.keys.get(keyId);
    if (!key) throw new RegistryError('NotFoundException', 404, 'Invalid API Key identifier specified');
    if (key.plans.includes(plan)) {
      throw new RegistryError('ConflictException', 409, 'Usage Plan already contains specified API Key');
    }
    this.usagePlans.add(record(key, plan));
    key.plans.push(plan);
    this.save();
    return key;
  }

  /** Written whole and renamed into place: a crash mid-write leaves the previous file. */
  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.list(), null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, this.file);
  }
}

const record = (key: StoredApiKey, plan: string): ApiKeyRecord => ({
  id: key.id,
  value: key.value,
  name: key.name,
  plan,
  enabled: key.enabled,
});

/** An API Gateway error: its type (`x-amzn-ErrorType`), status and message. */
export class RegistryError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

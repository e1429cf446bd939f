import { cachedCredentialStore } from '../../../shared/adapters/cached-credentials';
import type { Credential, CredentialStore } from '../../../shared/ports/credentials';

const storefront: Credential = {
  kind: 'storefront',
  id: 'sf_a',
  name: 'Shop A',
  usageKey: 'uk_a',
  enabled: true,
};

function world(maxEntries = 10) {
  let now = 0;
  const stored = new Map<string, Credential>([['key-a', storefront]]);
  const lookups: string[] = [];
  const inner: CredentialStore = {
    async findBySecret(secret) {
      lookups.push(secret);
      return stored.get(secret);
    },
    async put(secret, credential) {
      stored.set(secret, credential);
    },
  };
  const store = cachedCredentialStore(inner, { ttlMs: 30_000, maxEntries, now: () => now });
  return {
    store,
    stored,
    lookups,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("the authorizer's credential cache", () => {
  it('reads a credential once per TTL, and again after it', async () => {
    // Prepare
    const w = world();

    // Act
    const answers = [await w.store.findBySecret('key-a'), await w.store.findBySecret('key-a')];
    w.advance(30_001);
    await w.store.findBySecret('key-a');

    // Assess
    expect(answers).toEqual([storefront, storefront]);
    expect(w.lookups).toEqual(['key-a', 'key-a']);
  });

  it('remembers an unknown key too, and a disabled key stops working when its answer expires', async () => {
    // Prepare
    const w = world();
    await w.store.findBySecret('key-a');
    w.stored.set('key-a', { ...storefront, enabled: false });

    // Act
    const unknown = [await w.store.findBySecret('made-up'), await w.store.findBySecret('made-up')];
    const stillCached = await w.store.findBySecret('key-a');
    w.advance(30_001);
    const afterTtl = await w.store.findBySecret('key-a');

    // Assess
    expect(unknown).toEqual([undefined, undefined]);
    expect(w.lookups.filter((secret) => secret === 'made-up')).toHaveLength(1);
    expect(stillCached?.enabled).toBe(true);
    expect(afterTtl?.enabled).toBe(false);
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    // Prepare
    const w = world(2);

    // Act
    await w.store.findBySecret('k1');
    await w.store.findBySecret('k2');
    await w.store.findBySecret('k3');
    await w.store.findBySecret('k1');

    // Assess: k1 was evicted by k3, so it was read again
    expect(w.lookups).toEqual(['k1', 'k2', 'k3', 'k1']);
  });

  it('answers a credential it has just written without reading it', async () => {
    // Prepare
    const w = world();

    // Act
    await w.store.put('key-b', { ...storefront, id: 'sf_b' });
    const found = await w.store.findBySecret('key-b');

    // Assess
    expect(found?.id).toBe('sf_b');
    expect(w.lookups).toEqual([]);
  });
});

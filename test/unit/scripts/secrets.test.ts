import { newSecret, newStorefrontKey } from '../../../scripts/credentials/secrets';

describe('secrets', () => {
  it('are the prefix and 24 random bytes in base64url', () => {
    // Prepare
    const sizes: number[] = [];
    const random = (size: number) => {
      sizes.push(size);
      return Buffer.alloc(size, 0xff);
    };

    // Act
    const secret = newSecret('tfk', random);

    // Assess
    expect(sizes).toEqual([24]);
    expect(secret).toBe(`tfk_${'_'.repeat(32)}`);
  });

  it('make storefront keys recognisable by their prefix', () => {
    // Assess
    expect(newStorefrontKey()).toMatch(/^tfk_[A-Za-z0-9_-]{32}$/);
  });

  it('differ each time', () => {
    // Act
    const secrets = new Set(Array.from({ length: 100 }, () => newStorefrontKey()));

    // Assess
    expect(secrets.size).toBe(100);
  });
});

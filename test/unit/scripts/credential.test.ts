import { slug, storefrontKeyName } from '../../../scripts/credentials/api-key-names';
import { newCredentialId, storefrontCredential } from '../../../scripts/credentials/credential';

describe('credentials and their API key names', () => {
  it('builds an enabled storefront credential metered under its own secret', () => {
    // Act
    const credential = storefrontCredential({ id: 'sf_1', name: 'Shop', secret: 'tfk_x' });

    // Assess
    expect(credential).toEqual({
      kind: 'storefront',
      id: 'sf_1',
      name: 'Shop',
      usageKey: 'tfk_x',
      enabled: true,
    });
  });

  it('makes sortable ids with the kind as prefix', () => {
    // Assess
    expect(newCredentialId('sf')).toMatch(/^sf_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it.each([
    ['Müller & Söhne GmbH', 'muller-sohne-gmbh'],
    ['  --ACME  Export!! ', 'acme-export'],
    ['東京ショップ', ''],
    ['a'.repeat(47) + ' b c', `${'a'.repeat(47)}`],
  ])('slugs %j to %j', (name, expected) => {
    // Assess
    expect(slug(name)).toBe(expected);
  });

  it('names a storefront key by its shop, or by its id when the name has no Latin letters', () => {
    // Assess
    expect(storefrontKeyName('Shop One', 'sf_01ABC')).toBe('tradeflow-storefront-shop-one');
    expect(storefrontKeyName('東京ショップ', 'sf_01ABC')).toBe('tradeflow-storefront-sf_01abc');
  });
});

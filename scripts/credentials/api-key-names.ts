/** `Müller & Söhne GmbH` → `muller-sohne-gmbh`: readable in the API Gateway console. */
export function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 48)
    .replace(/^-+|-+$/g, '');
}

/** A name with no Latin letters or digits slugs to nothing; the credential id then names the key. */
export function storefrontKeyName(shopName: string, credentialId: string): string {
  return `tradeflow-storefront-${slug(shopName) || credentialId.toLowerCase()}`;
}

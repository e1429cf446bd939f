/**
 * The buyer's links of a sent quote, on the API, both carrying the link's token: the acceptance page
 * (`GET /quotes/{id}/accept?token=`, whose form POSTs the same path) and the proforma invoice PDF
 * (`GET /quotes/{id}/proforma?token=`).
 */
export function quoteLinks(apiBaseUrl: string) {
  const base = apiBaseUrl.replace(/\/+$/, '');
  return (quoteId: string, token: string) => {
    const quote = `${base}/quotes/${encodeURIComponent(quoteId)}`;
    const query = `?token=${encodeURIComponent(token)}`;
    return { accept: `${quote}/accept${query}`, proforma: `${quote}/proforma${query}` };
  };
}

/** The proforma's link as the acceptance page writes it: relative to `/…/quotes/{id}/accept`. */
export const proformaUrlFromPage = (token: string) => `proforma?token=${encodeURIComponent(token)}`;

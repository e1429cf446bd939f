import type { APIGatewayProxyResult } from 'aws-lambda';
import { renderQuoteNotFoundPage } from './render-quote-page';

/**
 * The quote page's answers. Its token is in the URL, so as the tracking page's: no caching anywhere,
 * no Referer, not indexed, and a CSP that allows the page nothing but its own inline styles and its
 * one form, posted to this same API ('self').
 */
const PRIVATE_PAGE = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
};
export const QUOTE_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export function quoteHtml(statusCode: number, html: string): APIGatewayProxyResult {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': QUOTE_PAGE_POLICY,
      ...PRIVATE_PAGE,
    },
    body: html,
  };
}

/** Every link that opens nothing: the same 404 page, whatever the reason. */
export const quoteNotFound = (): APIGatewayProxyResult => quoteHtml(404, renderQuoteNotFoundPage());

/** A superseded revision's link: 404, saying only that the quote was revised. */
export const quoteRevised = (language?: string): APIGatewayProxyResult =>
  quoteHtml(404, renderQuoteNotFoundPage('revised', language));

/** A PDF, base64 as the Lambda proxy integration carries binary (API Gateway: binary media type). */
export function quotePdf(filename: string, bytes: Uint8Array): APIGatewayProxyResult {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      ...PRIVATE_PAGE,
      vary: 'Accept',
    },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
}

/**
 * A browser's way to the proforma: 302 to a short-lived presigned link (API Gateway sends a base64
 * body as binary only to a request whose Accept names application/pdf). Still private: the link is a secret.
 */
export function quoteRedirect(url: string): APIGatewayProxyResult {
  return { statusCode: 302, headers: { location: url, ...PRIVATE_PAGE, vary: 'Accept' }, body: '' };
}

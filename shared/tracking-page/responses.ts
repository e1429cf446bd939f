import type { APIGatewayProxyResult } from 'aws-lambda';
import { json } from '../http/responses';
import { renderNotFoundPage } from './render-page';

/**
 * The tracking page's answers. The token is in the URL, so: no caching anywhere, no Referer to the
 * sites it links to (the carrier's), not indexed, and a CSP that allows the page nothing but its own
 * inline styles. Browsers get HTML; `Accept: application/json` gets the same view as JSON.
 */
const PRIVATE_PAGE = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  vary: 'Accept',
};
const HTML_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Whether the caller asked for JSON (`Accept: application/json`) rather than the page. */
export function wantsJson(headers: Record<string, string | undefined> | null | undefined): boolean {
  const accept = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'accept')?.[1] ?? '';
  return /\bapplication\/json\b/i.test(accept);
}

export function trackingJson(statusCode: number, body: unknown): APIGatewayProxyResult {
  return json(statusCode, body, PRIVATE_PAGE);
}

export function trackingHtml(statusCode: number, html: string): APIGatewayProxyResult {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': HTML_POLICY,
      ...PRIVATE_PAGE,
    },
    body: html,
  };
}

/** The one answer to every link that opens nothing: the same body whatever the reason. */
export function trackingNotFound(asJson: boolean): APIGatewayProxyResult {
  return asJson
    ? trackingJson(404, { error: { code: 'NOT_FOUND', message: 'No tracking page at this link' } })
    : trackingHtml(404, renderNotFoundPage());
}

/** A PDF, base64 as the Lambda proxy integration carries binary (API Gateway: binary media type). */
export function trackingPdf(filename: string, bytes: Uint8Array): APIGatewayProxyResult {
  const safeName = filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${safeName}"`,
      ...PRIVATE_PAGE,
    },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
}

/**
 * A browser's way to a PDF: 302 to a short-lived presigned link (API Gateway sends a base64 body as
 * binary only to a request whose Accept names application/pdf). Still private: the link is a secret.
 */
export function trackingRedirect(url: string): APIGatewayProxyResult {
  return { statusCode: 302, headers: { location: url, ...PRIVATE_PAGE }, body: '' };
}

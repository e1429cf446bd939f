import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { ConflictError, NotFoundError } from '../errors';
import type { QuoteLink } from '../use-cases/quotes/open-quote-link';
import { renderAcceptResultPage } from './render-quote-page';
import { quoteHtml, quoteNotFound, quoteRevised } from './responses';

/** Whether the POST came from the acceptance page's form (urlencoded) rather than a JSON client. */
export function isFormPost(event: APIGatewayProxyEvent): boolean {
  const type = Object.entries(event.headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1];
  return /^application\/x-www-form-urlencoded\b/i.test(type ?? '');
}

/** The form's `token` field (undefined when missing). */
export function formToken(event: APIGatewayProxyEvent): string | undefined {
  if (!event.body) return undefined;
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  return new URLSearchParams(text).get('token') ?? undefined;
}

/**
 * The page the form answers with: accepted (the order's number), or what stopped it, as a page and
 * never as JSON. A link that opens nothing is the one 404 page; a superseded revision's says so.
 */
export async function acceptFormAnswer(
  quoteId: string,
  accept: () => Promise<{ orderId: string; language?: string }>,
  reopen: () => Promise<QuoteLink | undefined>,
): Promise<APIGatewayProxyResult> {
  try {
    const { orderId, language } = await accept();
    return quoteHtml(200, renderAcceptResultPage(language, { kind: 'accepted', quoteId, orderId }));
  } catch (error) {
    if (!(error instanceof NotFoundError) && !(error instanceof ConflictError)) throw error;
    const link = await reopen();
    if (!link) return quoteNotFound();
    if (link.kind === 'revised') return quoteRevised(link.language);
    if (link.state === 'expired') {
      const validUntil = link.quote.current.sent?.validUntil;
      return quoteHtml(
        409,
        renderAcceptResultPage(link.language, {
          kind: 'expired',
          quoteId,
          ...(validUntil ? { validUntil } : {}),
        }),
      );
    }
    return quoteHtml(409, renderAcceptResultPage(link.language, { kind: 'closed', quoteId }));
  }
}

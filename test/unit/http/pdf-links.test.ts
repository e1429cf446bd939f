import { S3Client } from '@aws-sdk/client-s3';
import { makeInMemoryPdfLinks } from '../../../shared/adapters/in-memory/pdf-links';
import { makeS3PdfLinks, PDF_LINK_SECONDS } from '../../../shared/adapters/s3-pdf-links';
import { DEFAULT_COMPANY_DETAILS } from '../../../shared/documents/company-details';
import { acceptsPdf } from '../../../shared/http/accept';
import { quotePdf, quoteRedirect } from '../../../shared/quote-page/responses';
import { trackingRedirect } from '../../../shared/tracking-page/responses';
import { makeQuoteProformaAnswer, quoteProformaKey } from '../../../shared/use-cases/quotes/quote-proforma';
import { pdfText } from '../documents/support';
import { quoteBody, quoteWorld, SALES } from '../use-cases/quotes/quote-world';

/**
 * A buyer's PDF links: API Gateway sends a base64 body as binary only when Accept names
 * application/pdf, so a browser following a link gets a 302 to a short-lived presigned S3 link, and
 * an API client that asks for a PDF gets the bytes. No network here: presigning is local.
 */

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('who gets the bytes', () => {
  it.each([
    ['Accept: application/pdf', { Accept: 'application/pdf' }, true],
    ['a list naming it', { accept: 'application/json, application/pdf;q=0.5' }, true],
    ['a browser', { accept: BROWSER }, false],
    ['*/* (fetch, curl)', { accept: '*/*' }, false],
    ['application/*', { accept: 'application/*' }, false],
    ['application/pdf refused (q=0)', { accept: 'application/pdf;q=0' }, false],
    ['no Accept', {}, false],
    ['no headers', null, false],
  ])('%s → %s', (_case, headers, bytes) => {
    // Act / Assess
    expect(acceptsPdf(headers)).toBe(bytes);
  });
});

describe('presigned PDF links (S3 adapter, signed locally)', () => {
  const s3 = new S3Client({
    region: 'eu-central-1',
    endpoint: 'http://127.0.0.1:4569',
    forcePathStyle: true,
    credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' },
  });

  it('points at the key in the bucket, for 5 minutes, as an inline PDF named after the document', async () => {
    // Prepare
    const links = makeS3PdfLinks(s3, 'tradeflow-documents');
    const key = 'orders/ord_1/commercial-invoice/v0002/abcdef0123456789/CI-2026-000123.pdf';

    // Act
    const url = new URL(await links.link(key, 'CI-2026-000123.pdf'));

    // Assess
    expect(`${url.protocol}//${url.host}`).toBe('http://127.0.0.1:4569');
    expect(decodeURIComponent(url.pathname)).toBe(`/tradeflow-documents/${key}`);
    expect(url.searchParams.get('X-Amz-Expires')).toBe(String(PDF_LINK_SECONDS));
    expect(PDF_LINK_SECONDS).toBe(300);
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256');
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(url.searchParams.get('response-content-type')).toBe('application/pdf');
    expect(url.searchParams.get('response-content-disposition')).toBe(
      'inline; filename="CI-2026-000123.pdf"',
    );
  });

  it('keeps a filename to safe characters in the header S3 answers with', async () => {
    // Act
    const url = new URL(await makeS3PdfLinks(s3, 'b').link('k.pdf', 'a"b\r\nc.pdf'));

    // Assess
    expect(url.searchParams.get('response-content-disposition')).toBe('inline; filename="a_b__c.pdf"');
  });
});

describe('the answers', () => {
  it('redirects with 302 to the link, private as the page is (no store, no referrer), varying on Accept', () => {
    // Act
    const tracking = trackingRedirect('https://s3.example/x?X-Amz-Signature=1');
    const quote = quoteRedirect('https://s3.example/y?X-Amz-Signature=2');

    // Assess
    for (const [answer, location] of [
      [tracking, 'https://s3.example/x?X-Amz-Signature=1'],
      [quote, 'https://s3.example/y?X-Amz-Signature=2'],
    ] as const) {
      expect(answer.statusCode).toBe(302);
      expect(answer.headers).toMatchObject({
        location,
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        vary: 'Accept',
      });
      expect(answer.isBase64Encoded).toBeUndefined();
    }
  });
});

describe("a quote's proforma by its link (in-memory ports)", () => {
  async function sent() {
    const w = quoteWorld();
    const created = await w.createQuote(quoteBody(), SALES);
    const quote = await w.sendQuote(created.quoteId, {}, SALES);
    const pdfs = makeInMemoryPdfLinks();
    let rendered = 0;
    const answer = makeQuoteProformaAnswer({
      catalog: w.catalog,
      company: {
        get: async () => {
          rendered += 1;
          return DEFAULT_COMPANY_DETAILS;
        },
      },
      pdfs,
    });
    return { quote, pdfs, answer, renders: () => rendered };
  }

  it('a browser: keeps the revision’s PDF once under its key and links to it', async () => {
    // Prepare
    const { quote, pdfs, answer, renders } = await sent();
    const key = quoteProformaKey(quote);

    // Act
    const first = await answer(quote, async () => undefined, { asBytes: false });
    const again = await answer(quote, async () => undefined, { asBytes: false });

    // Assess
    expect(key).toBe(`quotes/${quote.quoteId}/r1/proforma.pdf`);
    expect(first).toEqual({
      filename: expect.stringMatching(/^PI-.*-1\.pdf$/),
      url: `https://pdfs.test/${key}?filename=${first.filename}`,
    });
    expect(again).toEqual(first);
    expect(pdfs.writes).toEqual([key]);
    expect(renders()).toBe(1);
    expect(Buffer.from(pdfs.kept.get(key)!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('Accept: application/pdf: the bytes of that same kept PDF', async () => {
    // Prepare
    const { quote, pdfs, answer, renders } = await sent();
    await answer(quote, async () => undefined, { asBytes: false });

    // Act
    const bytes = await answer(quote, async () => undefined, { asBytes: true });

    // Assess
    expect('bytes' in bytes && bytes.bytes).toBe(pdfs.kept.get(quoteProformaKey(quote)));
    expect(renders()).toBe(1);
    expect(await pdfText((bytes as { bytes: Uint8Array }).bytes)).toContain(quote.quoteId);
    expect(quotePdf(bytes.filename, (bytes as { bytes: Uint8Array }).bytes)).toMatchObject({
      statusCode: 200,
      isBase64Encoded: true,
      headers: { 'content-type': 'application/pdf' },
    });
  });

  it('Accept: application/pdf first: renders, keeps and answers the bytes', async () => {
    // Prepare
    const { quote, pdfs, answer } = await sent();

    // Act
    const bytes = await answer(quote, async () => undefined, { asBytes: true });

    // Assess
    expect(pdfs.writes).toEqual([quoteProformaKey(quote)]);
    expect('bytes' in bytes && Buffer.from(bytes.bytes).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

import { documentKindParam, getDocumentQuery } from '../../shared/contracts/documents';
import { orderIdParam } from '../../shared/contracts/orders';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { parseWith, pathParam } from '../../shared/http/request';
import { makeGetDocument } from '../../shared/use-cases/documents/read-documents';
import { documentReaders } from './documents-store';

const getDocument = makeGetDocument(documentReaders());

/**
 * GET /orders/{id}/documents/{kind}: the file itself. A PDF goes base64 with isBase64Encoded (API
 * Gateway sends it as bytes: `application/pdf` is a binary media type of the API, asked for with
 * `Accept: application/pdf`); JSON and CSV go as text.
 */
export const handler = apiHandler(async (event) => {
  const query = parseWith(getDocumentQuery, event.queryStringParameters ?? {});
  const file = await getDocument(
    pathParam(event, 'id', orderIdParam),
    pathParam(event, 'kind', documentKindParam),
    query,
    callerOf(event),
  );
  const binary = file.contentType === 'application/pdf';
  return {
    statusCode: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': `inline; filename="${file.fileName}"`,
      'cache-control': 'private, max-age=300',
    },
    body: Buffer.from(file.body).toString(binary ? 'base64' : 'utf8'),
    isBase64Encoded: binary,
  };
});

import { orderIdParam } from '../../shared/contracts/orders';
import { apiHandler } from '../../shared/http/api-handler';
import { callerOf } from '../../shared/http/caller';
import { pathParam } from '../../shared/http/request';
import { json } from '../../shared/http/responses';
import { makeListDocuments } from '../../shared/use-cases/documents/read-documents';
import { documentReaders } from './documents-store';

const listDocuments = makeListDocuments(documentReaders());

/** GET /orders/{id}/documents: every version of every trade document, with download links. */
export const handler = apiHandler(async (event) =>
  json(200, await listDocuments(pathParam(event, 'id', orderIdParam), callerOf(event))),
);

import {
  companySettingsResponse,
  documentKindParam,
  documentListResponse,
  getDocumentQuery,
  putCompanySettingsBody,
  retryDocumentsResponse,
  updateProductBody,
} from '../../shared/contracts/documents';
import { sku } from '../../shared/contracts/inventory';
import { productResponse } from '../../shared/contracts/inventory-responses';
import { orderIdParam } from '../../shared/contracts/orders';
import type { RouteContract } from './route-contracts';

/** The contracts of the trade documents' routes (documents.ts), spread into route-contracts.ts. */
export const documentRouteContracts: Record<string, RouteContract> = {
  'GET /orders/{id}/documents': {
    summary: "List an order's trade documents",
    description:
      'Every version of every document issued (proforma invoice, order confirmation, commercial invoice, ' +
      'packing list, customs data), newest first, each file with its download link; and the checks that ' +
      'hold documents back (`tasks`). An order that allows partial shipments has its shipping documents per ' +
      'shipment (`shipmentNo` on each, and `shipments`), each numbered on its own. A storefront sees only its own orders.',
    tag: 'Orders',
    pathParams: { id: orderIdParam },
    responses: { 200: { description: 'The documents and held tasks', body: documentListResponse } },
    problems: { 404: 'No order with this id' },
  },
  'GET /orders/{id}/documents/{kind}': {
    summary: 'Download a trade document',
    description:
      'The newest version (or `?version=N`) as a PDF: send `Accept: application/pdf` (API Gateway returns ' +
      'binary only for an Accept it lists). The customs data also as `?format=json` or `?format=csv`. ' +
      'A later shipment of an order shipped in parts: `?shipmentNo=2`.',
    tag: 'Orders',
    pathParams: { id: orderIdParam, kind: documentKindParam },
    query: getDocumentQuery,
    responses: { 200: { description: 'The file (application/pdf, application/json or text/csv)' } },
    problems: { 404: 'No order with this id, or that document (version) is not issued' },
  },
  'POST /orders/{id}/documents/retry': {
    summary: 'Issue held documents after fixing the product data',
    description:
      'A failed check (an HS code or origin missing, packing not matching the invoice, a zero value) holds ' +
      'the documents and gives sales a task. Fix the products (PATCH /products/{sku}), then call this: the ' +
      'checks run again, the documents are issued and the workflow moves on. Still failing: 409 with each problem.',
    tag: 'Order actions',
    pathParams: { id: orderIdParam },
    idempotent: true,
    responses: { 200: { description: 'What was issued', body: retryDocumentsResponse } },
    problems: {
      404: 'No order with this id',
      409: 'Nothing is held, or the checks still fail (each problem named)',
    },
  },
  'GET /settings/company': {
    summary: 'Read the company details',
    description:
      'The exporter on every trade document: name, address, registration and tax ids, bank details, logo. ' +
      '`version` 0: nothing stored yet, the defaults (documents then say so).',
    tag: 'Settings',
    responses: { 200: { description: 'The company details', body: companySettingsResponse } },
  },
  'PUT /settings/company': {
    summary: 'Change the company details',
    description:
      'Replaces the details as the next version of `version` (the one last read; 409 if another change came ' +
      'first). The logo is a PNG or JPEG, base64, up to about 200 kB. Documents issued later carry them; ' +
      'earlier versions stay as issued.',
    tag: 'Settings',
    body: putCompanySettingsBody,
    responses: { 200: { description: 'The details as stored', body: companySettingsResponse } },
    problems: { 409: 'The details changed since `version` was read' },
    example: {
      version: 0,
      name: 'Ningbo Valve Works Co., Ltd.',
      addressLines: ['88 Harbour Road', '315000 Ningbo'],
      country: 'CN',
      registrations: [{ label: 'USCI', value: '91330200MA2XXXXXX1' }],
      bank: {
        bankName: 'Bank of China Ningbo',
        accountName: 'Ningbo Valve Works',
        accountNumber: '3581 0000 1234',
        swift: 'BKCHCNBJ92A',
      },
    },
  },
  'PATCH /products/{sku}': {
    summary: "Fix a product's trade data",
    description:
      'Changes the HS code, origin, unit, weights or name of a product (e.g. when documents are held for a ' +
      'missing HS code). Documents already issued keep their versions; the next issue uses the new data.',
    tag: 'Products',
    pathParams: { sku },
    body: updateProductBody,
    responses: { 200: { description: 'The product', body: productResponse } },
    problems: { 404: 'No product with this sku' },
    example: { hsCode: '8481.80', originCountry: 'CN' },
  },
};

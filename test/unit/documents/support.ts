import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Customer } from '../../../shared/domain/customer';
import type { Product } from '../../../shared/domain/inventory';
import type { Order } from '../../../shared/domain/order';
import { anOrder } from '../../fixtures/orders';
import { productBodies } from '../../fixtures/products';

/** The order fixture packed in two cartons and shipped, its products as the fixtures create them. */
export function packedOrder(overrides: Partial<Order> = {}): Order {
  return anOrder('IN_PRODUCTION', {
    buyerPo: 'PO-77',
    packages: [
      {
        weightKg: 300,
        lengthCm: 120,
        widthCm: 80,
        heightCm: 100,
        lines: [{ sku: 'VALVE-DN50', quantity: 200 }],
      },
      { weightKg: 190, lengthCm: 100, widthCm: 80, heightCm: 90, lines: [{ sku: 'PUMP-3KW', quantity: 4 }] },
    ],
    packingTotals: { packageCount: 2, grossWeightKg: 490, volumeM3: 1.68 },
    ...overrides,
  });
}

export const shipment = {
  carrier: 'Maersk',
  mode: 'SEA' as const,
  transportDocumentNo: 'MAEU123456789',
  trackingNumber: 'MAEU123456789',
  etd: '2026-12-01',
  eta: '2027-01-05',
  portOfLoading: 'CNSHA Shanghai',
  portOfDischarge: 'DEHAM Hamburg',
  dispatchedAt: '2026-12-01T10:00:00.000Z',
};

export function fixtureProducts(change: (product: Product) => Product = (p) => p): Map<string, Product> {
  return new Map(
    productBodies.map((body) => {
      const { currency: _c, unitCost: _u, price: _p, ...rest } = body;
      return [body.sku, change(rest as Product)];
    }),
  );
}

export const customer: Customer = {
  customerId: 'cus_1',
  name: 'Anna Buyer',
  email: 'anna@example.com',
  country: 'DE',
  company: 'Hamburg Tools GmbH',
  language: 'de',
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  version: 1,
};

/**
 * PDF.js is ESM-only and unpdf loads it with a dynamic import, which jest's CJS module system refuses:
 * the text is extracted with unpdf's `extractText` in a worker thread, which runs on Node's own loader.
 */
const EXTRACT = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.unpdf).then(async ({ extractText, getDocumentProxy }) => {
  const pdf = await getDocumentProxy(new Uint8Array(workerData.bytes));
  const { text } = await extractText(pdf, { mergePages: true });
  parentPort.postMessage(text);
}).catch((error) => parentPort.postMessage({ error: String(error && error.stack || error) }));
`;

/** The text of every page of a PDF, joined. */
export function pdfText(bytes: Uint8Array): Promise<string> {
  const unpdf = pathToFileURL(join(__dirname, '../../../node_modules/unpdf/dist/index.mjs')).href;
  return new Promise((resolve, reject) => {
    const worker = new Worker(EXTRACT, { eval: true, workerData: { unpdf, bytes: Buffer.from(bytes) } });
    worker.once('message', (message: string | { error: string }) => {
      void worker.terminate();
      if (typeof message === 'string') resolve(message);
      else reject(new Error(message.error));
    });
    worker.once('error', reject);
  });
}

import { isHsCode } from '../documents/document-checks';
import { DOCUMENT_KINDS } from '../ports/trade-documents';
import * as z from '../zod-mini';
import { countryCode, email, nonEmpty } from './common';

/** The trade documents' API: path and query parameters, the company details, a product's fix. */

export const documentKindParam = z.enum(DOCUMENT_KINDS);

/** GET /orders/{id}/documents/{kind}?format=&version= — JSON and CSV exist for the customs data only. */
export const getDocumentQuery = z.strictObject({
  format: z.optional(z.enum(['pdf', 'json', 'csv'])),
  version: z.optional(
    z.coerce.number().check(z.int('must be a whole number'), z.minimum(1, 'must be 1 or more')),
  ),
  /** An order shipped in parts: the shipment whose invoice, packing list or customs data (default 1). */
  shipmentNo: z.optional(
    z.coerce
      .number()
      .check(
        z.int('must be a whole number'),
        z.minimum(1, 'must be 1 or more'),
        z.maximum(1000, 'must be at most 1000'),
      ),
  ),
});

const registration = z.strictObject({ label: nonEmpty(40), value: nonEmpty(80) });
/** About 200 kB of image. */
const MAX_LOGO_BASE64 = 280_000;

export const putCompanySettingsBody = z.strictObject({
  /** The version last read (0 for the defaults). */
  version: z.number().check(z.int(), z.minimum(0)),
  name: nonEmpty(200),
  addressLines: z.array(nonEmpty(200)).check(z.minLength(1, 'needs at least one line'), z.maxLength(6)),
  country: countryCode,
  registrations: z._default(z.array(registration).check(z.maxLength(8)), []),
  email: z.optional(email),
  phone: z.optional(nonEmpty(40)),
  bank: z.optional(
    z.strictObject({
      bankName: nonEmpty(200),
      accountName: nonEmpty(200),
      iban: z.optional(nonEmpty(40)),
      accountNumber: z.optional(nonEmpty(40)),
      swift: z.optional(nonEmpty(11)),
      address: z.optional(nonEmpty(300)),
    }),
  ),
  logo: z.optional(
    z.strictObject({
      contentType: z.enum(['image/png', 'image/jpeg']),
      base64: z
        .string()
        .check(
          z.maxLength(MAX_LOGO_BASE64, 'must be at most about 200 kB of image'),
          z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
        ),
    }),
  ),
});
export type PutCompanySettingsBody = z.infer<typeof putCompanySettingsBody>;

const party = z.object({ label: z.string(), value: z.string() });
export const companySettingsResponse = z.object({
  version: z.int(),
  updatedAt: z.optional(z.string()),
  name: z.string(),
  addressLines: z.array(z.string()),
  country: z.string(),
  registrations: z.array(party),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  bank: z.optional(
    z.object({
      bankName: z.string(),
      accountName: z.string(),
      iban: z.optional(z.string()),
      accountNumber: z.optional(z.string()),
      swift: z.optional(z.string()),
      address: z.optional(z.string()),
    }),
  ),
  logo: z.optional(z.object({ contentType: z.string(), bytes: z.int() })),
});

const hsCode = z
  .string()
  .check(z.trim(), z.refine(isHsCode, { message: 'must be an HS code of 6 to 10 digits, such as 8481.80' }));
const kilograms = z.number().check(z.positive('must be more than 0'), z.maximum(1_000_000));

/** PATCH /products/{sku}: what trade documents need, fixed after the product was created. */
export const updateProductBody = z
  .strictObject({
    name: z.optional(nonEmpty(200)),
    hsCode: z.optional(hsCode),
    originCountry: z.optional(countryCode),
    unit: z.optional(nonEmpty(20)),
    netWeightKg: z.optional(kilograms),
    grossWeightKg: z.optional(kilograms),
  })
  .check(
    z.refine((body) => Object.keys(body).length > 0, { message: 'name at least one field to change' }),
    z.refine((body) => !body.netWeightKg || !body.grossWeightKg || body.grossWeightKg >= body.netWeightKg, {
      message: 'must not be less than netWeightKg',
      path: ['grossWeightKg'],
    }),
  );
export type UpdateProductBody = z.infer<typeof updateProductBody>;

const storedDocument = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  number: z.string(),
  version: z.int(),
  issuedAt: z.string(),
  /** The shipment a shipping document is for (an order that allows partial shipments). */
  shipmentNo: z.optional(z.int()),
  files: z.array(z.object({ format: z.enum(['pdf', 'json', 'csv']), bytes: z.int(), href: z.string() })),
});

export const documentListResponse = z.object({
  orderId: z.string(),
  /** Every version of every document, newest first. */
  documents: z.array(storedDocument),
  /**
   * An order that allows partial shipments: the shipping documents of each shipment (every version,
   * newest first), each shipment's numbered on their own.
   */
  shipments: z.optional(z.array(z.object({ shipmentNo: z.int(), documents: z.array(storedDocument) }))),
  /** Checks that failed: those documents are not issued until sales fixes the data and retries. */
  tasks: z.array(
    z.object({ set: z.string(), summary: z.string(), problems: z.array(z.string()), since: z.string() }),
  ),
});

export const retryDocumentsResponse = z.object({
  orderId: z.string(),
  issued: z.array(
    z.object({
      set: z.string(),
      documents: z.array(
        z.object({ kind: z.string(), number: z.string(), version: z.int(), issued: z.boolean() }),
      ),
    }),
  ),
  /** Whether the workflow's documents wait was ended (the order moves on). */
  resumed: z.boolean(),
});

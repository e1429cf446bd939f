import type { $ZodType } from 'zod/v4/core';
import {
  addCommunicationBody,
  communicationPageResponse,
  communicationResponse,
  customerIdParam,
  listCommunicationsQuery,
  updateCustomerBody,
} from '../../shared/contracts/customer-profile';
import { customerResponse } from '../../shared/contracts/customer-responses';
import { createCustomerBody } from '../../shared/contracts/customers';
import {
  escalationSettingsResponse,
  putEscalationSettingsBody,
} from '../../shared/contracts/escalation-settings';
import {
  createInquiryBody,
  inquiryIdParam,
  inquiryPageResponse,
  inquiryReplyResponse,
  inquiryResponse,
  listInquiriesQuery,
  markInquiryLostBody,
  replyToInquiryBody,
} from '../../shared/contracts/inquiries';
import {
  createProductBody,
  putInventoryBody,
  receiveInventoryBody,
  sku,
} from '../../shared/contracts/inventory';
import { productResponse, receiptResponse, stockResponse } from '../../shared/contracts/inventory-responses';
import {
  cancelOrderBody,
  creditDecisionBody,
  listOrdersQuery,
  promisedDateBody,
  recordDeliveryBody,
  recordPackingBody,
  recordPaymentBody,
  recordShipmentBody,
  trackingEventBody,
} from '../../shared/contracts/order-actions';
import {
  createdOrderResponse,
  orderPageResponse,
  orderResponse,
} from '../../shared/contracts/order-responses';
import { createOrderBody, orderIdParam } from '../../shared/contracts/orders';
import {
  createdStorefrontResponse,
  storefrontResponse,
  webhookAnswerResponse,
} from '../../shared/contracts/storefront-responses';
import { createStorefrontBody, storefrontIdParam } from '../../shared/contracts/storefronts';
import {
  subscriptionListResponse,
  subscriptionResponse,
} from '../../shared/contracts/subscription-responses';
import {
  createSubscriptionBody,
  listSubscriptionsQuery,
  subscriptionIdParam,
  updateSubscriptionBody,
} from '../../shared/contracts/subscriptions';
import {
  buyerDocumentKindParam,
  trackingDocumentQuery,
  trackingPageResponse,
  trackingTokenParam,
} from '../../shared/contracts/tracking-page';
import { crmInsightContracts } from './crm-insights-contracts';
import { documentRouteContracts } from './document-route-contracts';
import { financeRouteContracts } from './finance-route-contracts';
import { procurementRouteContracts } from './procurement-contracts';
import { quoteRouteContracts } from './quote-route-contracts';
import { staffRouteContracts } from './staff-contracts';
import type { RouteSpec } from './types';

/**
 * What each route of routes.ts takes and answers, for the OpenAPI document (openapi.ts) and API
 * Gateway's body models (openapi-gateway.ts). The schemas are the handlers' own zod schemas, imported,
 * so the document cannot drift from what is enforced.
 *
 * Adding a route: add an entry keyed `METHOD /path` exactly as in routes.ts, with the schemas its
 * handler passes to `parseBody` / `pathParam` / `parseWith`, `idempotent: true` if it wraps its
 * function in `idempotentApi`, its success answers, and an example body. The problem answers every
 * route may give (400, 401, 403, 429, 500) are added for you; list the route's own 404/409/422.
 * test/unit/openapi/route-contracts.test.ts fails until the entry is there.
 */

export const TAGS = [
  { name: 'Customers', description: 'Buyers, their terms and credit limits' },
  { name: 'Inquiries', description: "Buyers' inquiries, sales' replies and the 24 h first-reply SLA" },
  { name: 'Quotes', description: 'Quotes priced by rule, their revisions, approval, sending and acceptance' },
  { name: 'Orders', description: 'Placing and reading orders' },
  { name: 'Order actions', description: "Staff steps that move an order through its workflow's waits" },
  { name: 'Products', description: 'The catalogue: what trade documents and customs need' },
  { name: 'Inventory', description: 'Stock on hand, receipts, reservations' },
  {
    name: 'Procurement',
    description: 'Suppliers, purchase orders and their receipts, replenishment requests',
  },
  { name: 'Storefronts', description: 'Storefront registration' },
  { name: 'Webhooks', description: 'Orders pushed by shop platforms' },
  {
    name: 'Tracking page',
    description: "A buyer's public page of one order, opened by the link in every email",
  },
  { name: 'Settings', description: 'Team settings: SLAs, the business calendar, escalation managers' },
  { name: 'Staff', description: 'The staff directory: customer owners, sales managers, their languages' },
  { name: 'Subscriptions', description: "Who hears of each department's changes: email lists and webhooks" },
  {
    name: 'Finance',
    description: 'Bank statements and reconciliation, receivables and aging, credit control, exchange rates',
  },
  { name: 'Undescribed', description: 'Routes with no entry in infra/topology/route-contracts.ts yet' },
] as const;
export type Tag = (typeof TAGS)[number]['name'];

export interface ResponseContract {
  description: string;
  /** The answer's JSON body; none for an empty answer. */
  body?: $ZodType;
  /** Response headers: name → description. */
  headers?: Record<string, string>;
}

/** The problem statuses a route answers for reasons of its own (the rest are added to every route). */
export type RouteProblemStatus = 404 | 409 | 422;

export interface RouteContract {
  summary: string;
  description: string;
  tag: Tag;
  /** Each `{name}` of the path, with the schema the handler checks it with. */
  pathParams?: Record<string, $ZodType>;
  /** A zod object of the query string (each property is one query parameter). */
  query?: $ZodType;
  body?: $ZodType;
  /** API Gateway validates the body too (a draft-4 model); false for bodies others define (webhooks). */
  gatewayValidation?: boolean;
  /** The handler honours `Idempotency-Key` (`idempotentApi`, shared/http/idempotency.ts). */
  idempotent?: boolean;
  /** Success answers: status → description and body. */
  responses: Record<number, ResponseContract>;
  /** When the route answers 404, 409 or 422 (422 and 409 of idempotent routes are added for you). */
  problems?: Partial<Record<RouteProblemStatus, string>>;
  /** A body the handler accepts, shown in the reference page; tests run it through every schema. */
  example?: unknown;
}

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>) => `${route.method} ${route.path}`;

const orderId = { id: orderIdParam };
const customerId = { id: customerIdParam };
const noCustomer = { 404: 'No customer with this id' };
const inquiryId = { id: inquiryIdParam };
const noInquiry = { 404: 'No inquiry with this id' };
const noOrder = { 404: 'No order with this id' };
const notNow = 'The order is not in a status that allows this now (the error names its status)';
const theOrder: ResponseContract = {
  description: 'The order as staff see it, after the action',
  body: orderResponse,
};

export const routeContracts: Record<string, RouteContract> = {
  ...crmInsightContracts,
  'POST /customers': {
    summary: 'Create a customer',
    description: 'A buyer with their country, language, currency, payment terms and credit limit.',
    tag: 'Customers',
    body: createCustomerBody,
    idempotent: true,
    responses: { 201: { description: 'The customer', body: customerResponse } },
    example: {
      name: 'Hamburg Tools GmbH buyer',
      email: 'buyer@hamburg-tools.example',
      country: 'DE',
      company: 'Hamburg Tools GmbH',
      language: 'de',
      currency: 'EUR',
      creditLimit: { amount: '50000.00', currency: 'EUR' },
      paymentTerms: { type: 'TT', depositPercent: 30 },
    },
  },
  'GET /customers/{id}': {
    summary: 'Read a customer profile',
    description:
      'The customer with their contacts, billing and shipping addresses, language, currency, payment terms, ' +
      'credit limit, tags and owner, and `version` (send it back with PATCH).',
    tag: 'Customers',
    pathParams: customerId,
    responses: { 200: { description: 'The customer', body: customerResponse } },
    problems: noCustomer,
  },
  'PATCH /customers/{id}': {
    summary: 'Change a customer profile',
    description:
      'The fields given replace the stored ones (a list replaces the whole list), at the `version` you read: ' +
      '409 when it changed since. A change is announced as `CustomerUpdated`, naming the fields (never their ' +
      'values); sending the values the customer has changes nothing.',
    tag: 'Customers',
    pathParams: customerId,
    body: updateCustomerBody,
    responses: { 200: { description: 'The customer, at its new version', body: customerResponse } },
    problems: { ...noCustomer, 409: 'It changed since the version given; read it again' },
    example: {
      version: 1,
      contacts: [
        {
          name: 'Jonas Weber',
          role: 'Purchasing',
          email: 'j.weber@hamburg-tools.example',
          phone: '+49 40 123456',
        },
      ],
      addresses: [
        { kind: 'billing', line1: 'Am Hafen 1', city: 'Hamburg', postalCode: '20457', country: 'DE' },
      ],
      creditLimit: { amount: '80000.00', currency: 'EUR' },
      paymentTerms: { type: 'OA', netDays: 60 },
      tags: ['key-account', 'valves'],
      owner: 'sales-rep-7',
    },
  },
  'GET /customers/{id}/communications': {
    summary: "A customer's communication history",
    description:
      'Inquiries, replies, quotes, emails, orders, and staff notes and calls, newest first, a page at a time.',
    tag: 'Customers',
    pathParams: customerId,
    query: listCommunicationsQuery,
    responses: { 200: { description: 'A page of the history', body: communicationPageResponse } },
    problems: noCustomer,
  },
  'POST /customers/{id}/communications': {
    summary: 'Note a call or a note',
    description: "A staff note or call in the customer's history, recorded as by the caller's role.",
    tag: 'Customers',
    pathParams: customerId,
    body: addCommunicationBody,
    idempotent: true,
    responses: { 201: { description: 'The entry', body: communicationResponse } },
    problems: noCustomer,
    example: {
      kind: 'call',
      subject: 'Called about the DN50 order',
      summary: 'Wants delivery before March.',
    },
  },
  'POST /inquiries': {
    summary: 'Send an inquiry',
    description:
      "A buyer's request for prices: the buyer (`customerId`, or `buyer` details: the customer is found by " +
      'email, within the storefront for a storefront, or made), product lines and/or free text, a target ' +
      'price, the destination and the Incoterm wanted. Sales is told; the first reply is due within the ' +
      '`inquiry-first-reply` SLA (24 h), after which the escalation sweep raises it (`InquiryOverdue`).',
    tag: 'Inquiries',
    body: createInquiryBody,
    idempotent: true,
    responses: {
      201: {
        description: 'The inquiry, OPEN',
        body: inquiryResponse,
        headers: { Location: 'The inquiry: `/inquiries/{inquiryId}`' },
      },
    },
    example: {
      buyer: {
        name: 'Jonas Weber',
        email: 'j.weber@hamburg-tools.example',
        country: 'DE',
        company: 'Hamburg Tools',
      },
      lines: [{ sku: 'VALVE-DN50', quantity: 500 }],
      text: 'Can you do 500 pcs by March, CIF Hamburg?',
      targetPrice: { amount: '5500.00', currency: 'EUR' },
      destinationCountry: 'DE',
      incoterm: 'CIF',
    },
  },
  'GET /inquiries/{id}': {
    summary: 'Read an inquiry',
    description:
      'Its status, lines, replies, quotes, the first-reply wait and the timeline. A storefront reads only its own.',
    tag: 'Inquiries',
    pathParams: inquiryId,
    responses: { 200: { description: 'The inquiry', body: inquiryResponse } },
    problems: noInquiry,
  },
  'GET /inquiries': {
    summary: 'List inquiries',
    description: 'By status, customer, or both, newest first, a page at a time.',
    tag: 'Inquiries',
    query: listInquiriesQuery,
    responses: { 200: { description: 'A page of inquiries', body: inquiryPageResponse } },
  },
  'POST /inquiries/{id}/replies': {
    summary: 'Reply to an inquiry',
    description:
      "Emails the message to the buyer and keeps it on the inquiry and in the customer's history. The first " +
      'reply moves it from OPEN to REPLIED and ends its first-reply SLA. Not once LOST; 409 too when the ' +
      "buyer's address is suppressed (a bounce or complaint).",
    tag: 'Inquiries',
    pathParams: inquiryId,
    body: replyToInquiryBody,
    idempotent: true,
    responses: {
      201: {
        description: 'The reply was sent',
        body: inquiryReplyResponse,
      },
    },
    problems: { ...noInquiry, 409: 'The inquiry is LOST, or the buyer address is suppressed' },
    example: {
      subject: 'Your inquiry for DN50 valves',
      message: 'Thank you. We can ship 500 pcs in March.\n\nA quote follows today.',
    },
  },
  'POST /inquiries/{id}/lost': {
    summary: 'Mark an inquiry lost',
    description: 'LOST, with the reason (kept on the inquiry); not once WON or LOST.',
    tag: 'Inquiries',
    pathParams: inquiryId,
    body: markInquiryLostBody,
    idempotent: true,
    responses: { 200: { description: 'The inquiry, LOST', body: inquiryResponse } },
    problems: { ...noInquiry, 409: 'The inquiry is WON or LOST already (the error names its status)' },
    example: { reason: 'The buyer chose a local supplier' },
  },
  'POST /orders': {
    summary: 'Place an order',
    description:
      'Stores the order and starts its workflow (validation, credit review, payments, stock, shipping). ' +
      'Amounts are decimal numbers or strings in `currency`. With `allowPartialShipments`, what is in stock ' +
      'ships first and the rest follows as a backorder in later shipments.',
    tag: 'Orders',
    body: createOrderBody,
    idempotent: true,
    responses: {
      201: {
        description: 'The order is received; its workflow runs on',
        body: createdOrderResponse,
        headers: { Location: 'The order: `/orders/{orderId}`' },
      },
    },
    example: {
      customerId: 'cus_01JD0000000000000000000001',
      currency: 'EUR',
      incoterm: { code: 'FOB', place: 'Shanghai' },
      paymentTerms: { type: 'TT', depositPercent: 30 },
      lines: [
        { sku: 'VALVE-DN50', quantity: 200, unitPrice: '12.50' },
        { sku: 'PUMP-3KW', quantity: 4, unitPrice: 899.9 },
      ],
      shippingAddress: { name: 'Hamburg Tools GmbH', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
      buyerPo: 'PO-2026-0042',
    },
  },
  'GET /orders/{id}': {
    summary: 'Read an order',
    description:
      'Status, lines, totals, payment schedule and payments, shipment, tracking and timeline. ' +
      'A storefront reads only the orders it placed, without the credit review.',
    tag: 'Orders',
    pathParams: orderId,
    responses: { 200: { description: 'The order', body: orderResponse } },
    problems: noOrder,
  },
  'GET /orders': {
    summary: 'List orders',
    description:
      "By status, customer or externalRef (the shop's order id), newest first, a page at a time. " +
      'A storefront lists only its own orders, by externalRef. With a status or a customer, `country` ' +
      "(the destination) and `owner` (the customer's owner) narrow the list; a page may then hold fewer " +
      'than `limit` orders while `nextToken` says there are more.',
    tag: 'Orders',
    query: listOrdersQuery,
    responses: { 200: { description: 'A page of orders', body: orderPageResponse } },
  },
  'POST /orders/{id}/credit-decision': {
    summary: 'Decide on an order on credit hold',
    description:
      "Finance approves or rejects an order the automatic credit review held; ends the workflow's wait.",
    tag: 'Order actions',
    pathParams: orderId,
    body: creditDecisionBody,
    idempotent: true,
    responses: { 200: theOrder },
    problems: { ...noOrder, 409: notNow },
    example: { decision: 'approve', note: 'Paid on time for two years' },
  },
  'POST /orders/{id}/payments': {
    summary: 'Record a payment',
    description:
      'Money received (partial and over payments too); ends the wait for a deposit, balance or payment once covered.',
    tag: 'Order actions',
    pathParams: orderId,
    body: recordPaymentBody,
    idempotent: true,
    responses: { 200: theOrder },
    problems: { ...noOrder, 409: notNow },
    example: { amount: '1829.88', currency: 'EUR', reference: 'SWIFT-2026-11-20-0042' },
  },
  'POST /orders/{id}/packing': {
    summary: 'Record the packing list',
    description:
      'Packages with weights, sizes and contents: every ordered unit packed once (an order shipped in parts: ' +
      'the units allocated to the shipment being prepared). Ends the wait for packing.',
    tag: 'Order actions',
    pathParams: orderId,
    body: recordPackingBody,
    idempotent: true,
    responses: { 200: theOrder },
    problems: { ...noOrder, 409: notNow },
    example: {
      packages: [
        {
          weightKg: 120.5,
          lengthCm: 120,
          widthCm: 80,
          heightCm: 90,
          lines: [{ sku: 'VALVE-DN50', quantity: 200 }],
        },
      ],
    },
  },
  'POST /orders/{id}/shipment': {
    summary: 'Record the shipment',
    description: "The booked carrier, mode (allowed by the order's Incoterm), transport document and dates.",
    tag: 'Order actions',
    pathParams: orderId,
    body: recordShipmentBody,
    idempotent: true,
    responses: { 200: theOrder },
    problems: { ...noOrder, 409: notNow },
    example: {
      carrier: 'Maersk',
      mode: 'SEA',
      transportDocumentNo: 'MAEU123456789',
      trackingNumber: 'MSKU1234567',
      vesselOrFlight: 'MAERSK ESSEX / 245W',
      trackingUrl: 'https://www.maersk.com/tracking/MSKU1234567',
      etd: '2026-12-01',
      eta: '2027-01-05T08:00:00Z',
      portOfLoading: 'CNSHA',
      portOfDischarge: 'DEHAM',
    },
  },
  'POST /orders/{id}/tracking-events': {
    summary: 'Record a tracking event',
    description:
      'A carrier update. DELAYED, DAMAGED, LOST and CUSTOMS_HOLD open an exception; a later normal update resolves it. ' +
      'An order shipped in parts: for the shipment `shipmentNo` names (by default the one on its way).',
    tag: 'Order actions',
    pathParams: orderId,
    body: trackingEventBody,
    idempotent: true,
    responses: { 200: theOrder },
    problems: { ...noOrder, 409: notNow },
    example: { status: 'DELAYED', at: '2026-12-10T09:30:00Z', location: 'Singapore', newEta: '2027-01-09' },
  },
  'POST /orders/{id}/delivery': {
    summary: 'Record the delivery',
    description:
      'The goods arrived; ends the wait for delivery. An order shipped in parts: the delivery of one shipment ' +
      '(`shipmentNo`, by default the one on its way); the wait ends once every shipment is delivered.',
    tag: 'Order actions',
    pathParams: orderId,
    body: recordDeliveryBody,
    idempotent: true,
    responses: { 200: theOrder },
    problems: { ...noOrder, 409: notNow },
    example: { deliveredAt: '2027-01-06T14:00:00Z', receivedBy: 'J. Weber' },
  },
  'POST /orders/{id}/promised-date': {
    summary: 'Promise a production date',
    description:
      'The day production promises the goods packed. Kept on the order; while it waits for packing, the ' +
      "wait's next escalation is due by that day (the SLA's promised date) instead of the default. A new " +
      'date replaces the old; the same date again changes nothing.',
    tag: 'Order actions',
    pathParams: orderId,
    body: promisedDateBody,
    idempotent: true,
    responses: { 200: theOrder },
    problems: { ...noOrder, 409: 'The order is packed, shipped or closed (the error names its status)' },
    example: { promisedDate: '2026-12-18', note: 'second shift from Monday' },
  },
  'POST /orders/{id}/cancel': {
    summary: 'Cancel an order',
    description: 'Cancels an open order; its workflow releases the stock and tells everyone.',
    tag: 'Order actions',
    pathParams: orderId,
    body: cancelOrderBody,
    idempotent: true,
    responses: { 200: theOrder },
    problems: { ...noOrder, 409: notNow },
    example: { reason: 'The buyer withdrew the order' },
  },
  'POST /products': {
    summary: 'Create a product',
    description:
      'A sku with what trade documents and customs need (HS code, origin, weights) and its cost and price. ' +
      '`currency` is required when a price is a plain amount.',
    tag: 'Products',
    body: createProductBody,
    idempotent: true,
    responses: { 201: { description: 'The product', body: productResponse } },
    problems: { 409: 'A product with this sku exists' },
    example: {
      sku: 'VALVE-DN50',
      name: 'Ball valve DN50, stainless',
      hsCode: '8481.80',
      originCountry: 'CN',
      unit: 'pcs',
      netWeightKg: 1.8,
      grossWeightKg: 2.1,
      currency: 'EUR',
      unitCost: '7.40',
      price: '12.50',
    },
  },
  'PUT /inventory/{sku}': {
    summary: 'Set the stock of a sku',
    description: 'Units on hand (a count), with the reorder point and maximum; reservations are kept.',
    tag: 'Inventory',
    pathParams: { sku },
    body: putInventoryBody,
    responses: { 200: { description: 'The stock', body: stockResponse } },
    problems: { 404: 'No product with this sku', 409: 'onHand would be below the units reserved' },
    example: { onHand: 1000, reorderPoint: 100, maxStock: 5000, warehouse: 'MAIN' },
  },
  'POST /inventory/receipts': {
    summary: 'Receive stock',
    description: 'Adds units of a sku and resumes the orders waiting for it, oldest first.',
    tag: 'Inventory',
    body: receiveInventoryBody,
    idempotent: true,
    responses: { 201: { description: 'The stock after the receipt', body: receiptResponse } },
    problems: { 404: 'No product with this sku' },
    example: { sku: 'VALVE-DN50', quantity: 500, warehouse: 'MAIN' },
  },
  ...procurementRouteContracts,
  'POST /storefronts': {
    summary: 'Register a storefront',
    description:
      'A shop that sells through tradeflow: its API key (in the storefronts usage plan: each key gets ' +
      'its own 50 requests/s, burst 100), its webhook secret (generated when none is given), its defaults ' +
      'for the orders its shop sends, and the map from its SKUs to ours. The key and secret are shown ' +
      'only in this answer.',
    tag: 'Storefronts',
    body: createStorefrontBody,
    idempotent: true,
    responses: {
      201: {
        description: 'The storefront, with its API key and webhook secret',
        body: createdStorefrontResponse,
      },
    },
    example: {
      name: 'Northwind web shop',
      platform: 'shopify',
      defaultCurrency: 'USD',
      defaultPaymentTerms: { type: 'PREPAID' },
      defaultIncoterm: 'DAP',
      skuMap: { 'SHOP-BV-DN50': 'VALVE-DN50' },
    },
  },
  'GET /storefronts/{id}': {
    summary: 'Read a storefront',
    description: 'Its settings and webhook path, never its API key or webhook secret.',
    tag: 'Storefronts',
    pathParams: { id: storefrontIdParam },
    responses: { 200: { description: 'The storefront', body: storefrontResponse } },
    problems: { 404: 'No storefront with this id' },
  },
  'GET /settings/escalations': {
    summary: 'Read the escalation settings',
    description:
      'The SLA overrides, the business calendar (time zone, working days and hours, holidays) and the ' +
      'managers level 2 reaches, with `version` (0: nothing stored, the defaults) and `policy`, the SLAs in force.',
    tag: 'Settings',
    responses: { 200: { description: 'The settings', body: escalationSettingsResponse } },
  },
  'PUT /settings/escalations': {
    summary: 'Change the escalation settings',
    description:
      'Replaces the settings (a part left out is its default) as the next version of `version`, the one ' +
      'last read; if another change came first, 409: read them again. Due times of waits already open move ' +
      'at their next sweep; new waits use the new settings within a minute.',
    tag: 'Settings',
    body: putEscalationSettingsBody,
    responses: { 200: { description: 'The settings as stored', body: escalationSettingsResponse } },
    problems: { 409: 'The settings changed since `version` was read' },
    example: {
      version: 0,
      calendar: {
        timeZone: 'Europe/Berlin',
        workingDays: [1, 2, 3, 4, 5],
        holidays: ['2026-12-24', '2026-12-25'],
        workingHours: { start: '08:00', end: '17:00' },
      },
      slas: { 'credit-decision': { steps: [{ businessHours: 4 }, { businessDays: 1 }] } },
      managers: { finance: 'cfo@example.com', logistics: 'logistics-lead@example.com' },
    },
  },
  'POST /webhooks/shopify/{storefrontId}': {
    summary: 'Shopify order webhook',
    description:
      "Point the shop's order webhooks (orders/create, orders/paid, orders/cancelled, orders/updated; JSON) here. " +
      "X-Shopify-Hmac-Sha256 must be the base64 HMAC-SHA256 of the raw body with the storefront's webhook " +
      'secret (401 otherwise, nothing kept). Deliveries are kept by X-Shopify-Event-Id (a redelivery is a ' +
      '`duplicate`) and applied asynchronously, in any order of topics. Other topics answer `ignored-topic`.',
    tag: 'Webhooks',
    pathParams: { storefrontId: storefrontIdParam },
    gatewayValidation: false,
    responses: { 200: { description: 'Received (or a duplicate, or ignored)', body: webhookAnswerResponse } },
  },
  'POST /webhooks/woocommerce/{storefrontId}': {
    summary: 'WooCommerce order webhook',
    description:
      "Point the shop's order.created and order.updated webhooks here (API version 3). X-WC-Webhook-Signature " +
      'must be the base64 HMAC-SHA256 of the raw body with the webhook secret (401 otherwise). The ' +
      'form-encoded ping WooCommerce sends when the webhook is saved (`webhook_id=…`) answers 200.',
    tag: 'Webhooks',
    pathParams: { storefrontId: storefrontIdParam },
    gatewayValidation: false,
    responses: {
      200: { description: 'Received (or a ping, a duplicate, or ignored)', body: webhookAnswerResponse },
    },
  },
  'GET /track/{token}': {
    summary: "A buyer's tracking page",
    description:
      'The order the link opens: status, progress, carrier updates, ETA, shipment and its buyer documents, ' +
      "in the customer's language; nothing beyond that order (ship-to city and country only, no staff notes). " +
      'A browser gets a small HTML page; `Accept: application/json` gets the same view as JSON (below). ' +
      'No credential: the 32-character token in the path is the key. A token that opens nothing, whatever ' +
      'the reason, is a 404 with the same body.',
    tag: 'Tracking page',
    pathParams: { token: trackingTokenParam },
    responses: { 200: { description: 'The page (text/html), or as JSON', body: trackingPageResponse } },
    problems: { 404: 'The link opens no order' },
  },
  'GET /track/{token}/documents/{kind}': {
    summary: "A document from a buyer's tracking page",
    description:
      "The newest version of one buyer document of the link's order, as a PDF (application/pdf): " +
      '`proforma-invoice`, `order-confirmation`, `commercial-invoice` or `packing-list` (never the customs sheet). ' +
      'An order shipped in parts has an invoice and packing list per shipment: `?shipment=2` for the second.',
    tag: 'Tracking page',
    pathParams: { token: trackingTokenParam, kind: buyerDocumentKindParam },
    query: trackingDocumentQuery,
    responses: { 200: { description: 'The PDF (application/pdf)' } },
    problems: { 404: 'The link opens no order, or that document is not issued yet' },
  },
  'POST /subscriptions': {
    summary: 'Subscribe to a department',
    description:
      'Who else hears of the changes a department acts on: an email list and/or a webhook, filtered by ' +
      'event type (of those the department hears), customer and ship-to country (every filter given must ' +
      'hold). While a department has an enabled subscription, its notices go to its matching subscriptions ' +
      'instead of its default mailbox. A webhook URL must be public https (http to loopback only on the ' +
      'local runtime; private, link-local and metadata addresses never). The webhook secret (generated when ' +
      'absent) is shown only in this answer. Admin may subscribe any department; a department role its own.',
    tag: 'Subscriptions',
    body: createSubscriptionBody,
    idempotent: true,
    responses: {
      201: {
        description: 'The subscription, with its webhook secret (shown once)',
        body: subscriptionResponse,
        headers: { Location: 'The subscription: `/subscriptions/{subscriptionId}`' },
      },
    },
    example: {
      department: 'finance',
      name: 'Finance EU desk',
      emails: ['finance-eu@example.com'],
      webhook: { url: 'https://hooks.example.com/tradeflow' },
      filters: { eventTypes: ['CreditHeld', 'OrderCancelled'], countries: ['DE', 'FR'] },
      enabled: true,
    },
  },
  'GET /subscriptions': {
    summary: "List a department's subscriptions",
    description: "Without `department`, the caller's own department (admin must name one). Never secrets.",
    tag: 'Subscriptions',
    query: listSubscriptionsQuery,
    responses: { 200: { description: 'The subscriptions, oldest first', body: subscriptionListResponse } },
  },
  'GET /subscriptions/{id}': {
    summary: 'Read a subscription',
    description: 'Its settings and `version` (send it back with PUT), never its webhook secret.',
    tag: 'Subscriptions',
    pathParams: { id: subscriptionIdParam },
    responses: { 200: { description: 'The subscription', body: subscriptionResponse } },
    problems: { 404: 'No subscription with this id' },
  },
  'PUT /subscriptions/{id}': {
    summary: 'Replace a subscription',
    description:
      'Its whole settings (not its department), at the `version` you read: 409 when it changed since. A ' +
      'webhook without `secret` keeps its secret; a new secret (given or generated) is shown in this answer only.',
    tag: 'Subscriptions',
    pathParams: { id: subscriptionIdParam },
    body: updateSubscriptionBody,
    responses: { 200: { description: 'The subscription, at its new version', body: subscriptionResponse } },
    problems: {
      404: 'No subscription with this id',
      409: 'It changed since the version given; read it again',
    },
    example: {
      name: 'Finance EU desk',
      emails: ['finance-eu@example.com'],
      filters: { countries: ['DE', 'FR', 'IT'] },
      enabled: false,
      version: 1,
    },
  },
  'DELETE /subscriptions/{id}': {
    summary: 'Delete a subscription',
    description: "Its department's next notices no longer reach it.",
    tag: 'Subscriptions',
    pathParams: { id: subscriptionIdParam },
    responses: { 204: { description: 'Deleted' } },
    problems: { 404: 'No subscription with this id' },
  },
  ...financeRouteContracts,
  ...documentRouteContracts,
  ...quoteRouteContracts,
  ...staffRouteContracts,
};

/** The routes of `routes` with no entry above (test/unit/openapi/route-contracts.test.ts wants none). */
export function routesWithoutContract(routes: readonly RouteSpec[]): string[] {
  return routes.map(routeKey).filter((key) => !routeContracts[key]);
}

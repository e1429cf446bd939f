/**
 * Where the CRM's insight items live in the customers table, beside the profile (`CUSTOMER#<id>` /
 * `PROFILE`):
 * - facts: `CUSTOMER#<id>` / `FACT#ORDER#<orderId>`, `FACT#QUOTE#<quoteId>`, `FACT#INQUIRY#<inquiryId>`
 * - the summary the lists read: `CUSTOMER#<id>` / `INSIGHTS`, with `segment` and `segmentKey` only
 *   when the customer is a prospect or a repeat buyer (so the `bySegment` index is sparse)
 * - revenue per month: `REVENUE#<YYYY-MM>` / `CUSTOMER#<id>` (the `top` list reads a partition a month)
 * - demand: `DEMAND#<sku>` / `<YYYY-MM>#<orderId>`
 * - the weekly nudge's once-log: `NUDGE#<YYYY-Www>` / `ONCE#owner:<owner>` (nudge-dormant-customers.ts)
 */
export const SEGMENT_INDEX = 'bySegment';
/** Attributes copied into the index: what the lists show. */
export const SEGMENT_PROJECTION = [
  'customerId',
  'orderCount',
  'cancelledCount',
  'firstOrderAt',
  'lastOrderAt',
  'nextOrderDue',
  'revenue',
  'inquiryCount',
  'lastInquiryAt',
  'quotesSent',
];
export const SEGMENT_INDEX_KEY = ['pk', 'sk', 'segment', 'segmentKey'];

export const customerPk = (customerId: string) => `CUSTOMER#${customerId}`;
export const FACT_PREFIX = 'FACT#';
export const SUMMARY_SK = 'INSIGHTS';
export const revenuePk = (month: string) => `REVENUE#${month}`;
export const demandPk = (sku: string) => `DEMAND#${sku}`;

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { localClientConfig, localNames } from '../../../infra/local/local-aws';
import type { LocalInfo } from '../../../infra/local/runtime';
import { DOCUMENT_PREFIX } from '../../../shared/documents/document-numbers';
import type { SentEmail } from '../../integration/support/local-system';
import { type Batch, orderedUnits, receivedUnits } from './order-batch';
import type { RetryingClient } from './retrying-client';

/**
 * What a run left behind, read from the outside as a person would: each order through the API, the
 * executions and dead letters from the admin server, the sent mail from the SES store, the stock.
 */
export interface FinalState {
  orders: OrderSummary[];
  /** Executions per order id (named after the order). */
  executions: Record<string, string[]>;
  /** Every execution's name, order or not. */
  executionNames: string[];
  /** Per order: the emails about it, as `recipient | subject` with ids replaced, sorted. */
  emails: Record<string, string[]>;
  /** Emails sent more than once with the same recipient, subject and text. */
  doubledEmails: string[];
  /** When each copy of a doubled email was sent (ms; the local SES keeps seconds). */
  doubledEmailTimes: { email: string; sentAtMs: number[] }[];
  stock: Record<string, { onHand: number; reserved: number; reservations: unknown[] }>;
  deadLetters: { targetId: string; lastError: string }[];
  /** Orders each customer of the batch has (one placed each). */
  ordersPerCustomer: number[];
}

export interface OrderSummary {
  orderId: string;
  kind: string;
  status: string;
  paid?: string;
  statuses: string[];
  /** The timeline's entries as `status | what`, in order (with amounts, so a doubled payment shows). */
  timeline: string[];
}

export async function readFinalState(
  api: RetryingClient,
  info: LocalInfo,
  batch: Batch,
  orderIds: string[],
): Promise<FinalState> {
  const orders: OrderSummary[] = [];
  for (const [index, orderId] of orderIds.entries()) {
    const order = await api<{
      status: string;
      paid?: { amount: string } | string;
      timeline: { status?: string; what: string }[];
    }>('GET', `/orders/${orderId}`, 'sales');
    orders.push({
      orderId,
      kind: batch.orders[index].kind,
      status: order.status,
      paid: typeof order.paid === 'string' ? order.paid : order.paid?.amount,
      statuses: [...new Set(order.timeline.map((entry) => entry.status).filter((s): s is string => !!s))],
      timeline: order.timeline.map((entry) =>
        normalized(`${entry.status ?? ''} | ${entry.what}`, batch, index, orderId),
      ),
    });
  }
  const admin = async <T>(path: string) => (await (await fetch(`${info.adminUrl}${path}`)).json()) as T;
  const { executions } = await admin<{ executions: { name: string; status: string }[] }>('/executions');
  const byOrder: Record<string, string[]> = {};
  for (const execution of executions)
    byOrder[execution.name] = [...(byOrder[execution.name] ?? []), execution.status];
  const { deadLetters } = await admin<{ deadLetters: FinalState['deadLetters'] }>('/dead-letters');

  const sent = ((await (await fetch(`${info.sesUrl}/store`)).json()) as { emails: SentEmail[] }).emails;
  const emails: Record<string, string[]> = {};
  for (const [index, orderId] of orderIds.entries()) {
    emails[orderId] = sent
      .filter((mail) => mail.subject.includes(orderId))
      .map((mail) => normalized(`${mail.destination.to.join(',')} | ${mail.subject}`, batch, index, orderId))
      .sort();
  }
  const seen = new Map<string, number[]>();
  for (const mail of sent) {
    const key = `${mail.destination.to.join(',')} | ${mail.subject} | ${mail.body.text ?? mail.body.html}`;
    seen.set(key, [...(seen.get(key) ?? []), mail.at * 1000]);
  }
  const doubled = [...seen].filter(([, times]) => times.length > 1);
  const doubledEmails = doubled.map(([key]) => key.slice(0, 200));
  const doubledEmailTimes = doubled.map(([key, times]) => ({ email: key.slice(0, 120), sentAtMs: times }));

  const stock = await readStock(info, Object.values(batch.skus));
  const ordersPerCustomer: number[] = [];
  for (const { customerId } of batch.orders) {
    const listed = await api<{ items: unknown[] }>('GET', `/orders?customerId=${customerId}`, 'sales');
    ordersPerCustomer.push(listed.items.length);
  }
  return {
    orders,
    executions: byOrder,
    executionNames: executions.map((execution) => execution.name),
    emails,
    doubledEmails,
    doubledEmailTimes,
    stock,
    deadLetters,
    ordersPerCustomer,
  };
}

/** A trade-document number, `CI-2026-000123`: its kind's prefix, the year and the sequence. */
const DOCUMENT_NUMBER = new RegExp(`\\b(${Object.values(DOCUMENT_PREFIX).join('|')})-\\d{4}-\\d{6,}\\b`, 'g');

/**
 * A text about order `index` with its ids, buyer, batch name and trade-document numbers replaced, to
 * compare across batches. A document number (`CI-2026-000123`) comes from one company-wide sequence
 * per kind, so it depends on how many orders got there first: like the order id, not the order's story.
 * Its kind prefix and the version (`v2`) stay.
 */
function normalized(text: string, batch: Batch, index: number, orderId: string): string {
  return text
    .replaceAll(orderId, '<order>')
    .replace(DOCUMENT_NUMBER, '$1-<number>')
    .replaceAll(batch.orders[index].email, '<buyer>')
    .replaceAll(`${batch.run}-${index}`, '<tag>')
    .replaceAll(batch.run, '<run>');
}

/** The API has no GET for stock: it is read from the inventory table, as the functions store it. */
async function readStock(info: LocalInfo, skus: string[]): Promise<FinalState['stock']> {
  const db = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(info.endpoints.dynamodb)));
  try {
    const stock: FinalState['stock'] = {};
    for (const sku of skus) {
      const { Item } = await db.send(
        new GetCommand({
          TableName: localNames.table('inventory'),
          Key: { pk: `SKU#${sku}`, sk: 'STOCK' },
          ConsistentRead: true,
        }),
      );
      const reservations = Object.entries((Item?.reservations ?? {}) as Record<string, number>);
      stock[sku] = {
        onHand: Item?.onHand,
        reserved: reservations.reduce((sum, [, units]) => sum + units, 0),
        reservations,
      };
    }
    return stock;
  } finally {
    db.destroy();
  }
}

/** The stock a batch must end with: what was put on hand and received, less what every order shipped. */
export function expectedStock(batch: Batch): Record<string, { onHand: number; reserved: number }> {
  const onHand: Record<string, number> = { ...batch.stocked };
  for (const [sku, units] of Object.entries(receivedUnits(batch))) onHand[sku] += units;
  for (const order of batch.orders)
    for (const [sku, units] of Object.entries(orderedUnits(batch, order.kind))) onHand[sku] -= units;
  return Object.fromEntries(
    Object.entries(onHand).map(([sku, units]) => [sku, { onHand: units, reserved: 0 }]),
  );
}

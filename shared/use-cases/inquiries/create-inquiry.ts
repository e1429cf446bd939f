import type { CreateInquiryBody } from '../../contracts/inquiries';
import type { Inquiry } from '../../domain/inquiry';
import { AmountFormatError, parseAmount } from '../../domain/money';
import type { Actor } from '../../domain/order';
import { InvalidInputError } from '../../errors';
import type { IdGenerator } from '../../ids';
import type { Clock } from '../../ports/clock';
import type { CommunicationLog } from '../../ports/communications';
import type { CustomerRepository } from '../../ports/customers';
import type { EscalationSettingsStore } from '../../ports/escalation-settings';
import type { EventPublisher } from '../../ports/events';
import type { InquiryRepository } from '../../ports/inquiries';
import { createOrFindRetried, keyedCreation } from '../keyed-creation';
import type { makeFindOrCreateBuyer } from './find-or-create-buyer';
import { firstReplySteps } from './first-reply-schedule';
import { inquiryReceived } from './inquiry-events';

export interface CreateInquiryDeps {
  inquiries: InquiryRepository;
  customers: CustomerRepository;
  findOrCreateBuyer: ReturnType<typeof makeFindOrCreateBuyer>;
  communications: CommunicationLog;
  settings: EscalationSettingsStore;
  events: EventPublisher;
  clock: Clock;
  newId: IdGenerator;
  /** How many times faster SLA clocks run locally (TRADEFLOW_TIME_SCALE); 1 on AWS. */
  timeScale?: number;
}

/**
 * POST /inquiries: the buyer found or made by email (or named by customerId), the inquiry stored OPEN
 * with its first-reply wait due at the SLA's first step (the open-waits index has it from then on), the
 * inquiry put in the customer's communication history, and InquiryReceived announced (sales hears of
 * it). Under an Idempotency-Key the inquiry's id comes from the key, and a retry after a failure
 * anywhere finishes the same inquiry: the history entry and the event are idempotent.
 */
export function makeCreateInquiry(deps: CreateInquiryDeps) {
  return async (body: CreateInquiryBody, by: Actor, idempotencyKey?: string): Promise<Inquiry> => {
    checkShape(body);
    const targetPrice = body.targetPrice && amountOf(body.targetPrice);
    const customerId = body.customerId
      ? await existingCustomer(deps.customers, body.customerId)
      : await deps.findOrCreateBuyer(body.buyer!, by);

    const keyed = keyedCreation('inq', by, idempotencyKey, body);
    const now = deps.clock.now().toISOString();
    const [first] = firstReplySteps(now, await deps.settings.get(), deps.timeScale);
    const inquiry: Inquiry = {
      inquiryId: keyed?.id ?? deps.newId('inq'),
      customerId,
      receivedFrom: by,
      status: 'OPEN',
      lines: body.lines ?? [],
      ...(body.text ? { text: body.text } : {}),
      ...(targetPrice ? { targetPrice } : {}),
      ...(body.destinationCountry ? { destinationCountry: body.destinationCountry } : {}),
      ...(body.incoterm ? { incoterm: body.incoterm } : {}),
      replies: [],
      quoteIds: [],
      firstReplyWait: { since: now, ...(first ? { dueAt: first.at } : {}) },
      timeline: [{ at: now, by, what: 'Inquiry received', status: 'OPEN' }],
      ...(keyed ? { createdUnder: keyed.createdUnder } : {}),
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    const stored =
      (await createOrFindRetried(
        keyed,
        () => deps.inquiries.create(inquiry),
        () => deps.inquiries.get(inquiry.inquiryId),
      )) ?? inquiry;

    await deps.communications.record({
      customerId: stored.customerId,
      entryId: `inquiry:${stored.inquiryId}`,
      at: stored.createdAt,
      kind: 'inquiry',
      direction: 'inbound',
      subject: inquirySubject(stored),
      ...(stored.text ? { summary: stored.text.slice(0, 500) } : {}),
      refs: { inquiryId: stored.inquiryId },
      by: 'buyer',
    });
    await deps.events.publish([inquiryReceived(stored)]);
    return stored;
  };
}

/** "Inquiry: VALVE-DN50 × 200, PUMP-3KW × 4" (skus and counts; the buyer's words go in the summary). */
function inquirySubject(inquiry: Inquiry): string {
  if (!inquiry.lines.length) return 'Inquiry (a message)';
  const shown = inquiry.lines.slice(0, 3).map((line) => `${line.sku} × ${line.quantity}`);
  const more = inquiry.lines.length > 3 ? ` and ${inquiry.lines.length - 3} more` : '';
  return `Inquiry: ${shown.join(', ')}${more}`;
}

function checkShape(body: CreateInquiryBody): void {
  if (body.customerId && body.buyer)
    throw new InvalidInputError('give customerId or buyer, not both', 'buyer');
  if (!body.customerId && !body.buyer)
    throw new InvalidInputError(
      'say who asks: customerId of an existing customer, or buyer { name, email, country }',
      'buyer',
    );
  if (!body.lines?.length && !body.text)
    throw new InvalidInputError(
      'say what is asked: product lines [{ sku, quantity }], text, or both',
      'lines',
    );
}

function amountOf(price: NonNullable<CreateInquiryBody['targetPrice']>) {
  try {
    return parseAmount(price.amount, price.currency);
  } catch (error) {
    if (error instanceof AmountFormatError) throw new InvalidInputError(error.message, 'targetPrice.amount');
    throw error;
  }
}

async function existingCustomer(customers: CustomerRepository, customerId: string): Promise<string> {
  const customer = await customers.get(customerId);
  if (!customer)
    throw new InvalidInputError(
      `no customer ${customerId}: create it first (POST /customers), or send buyer details instead`,
      'customerId',
    );
  return customer.customerId;
}

import { makeBuyerMailer } from '../../../../shared/adapters/buyer-mailer';
import { makeInMemoryCommunicationLog } from '../../../../shared/adapters/in-memory/communications';
import { makeInMemoryCustomerRepository } from '../../../../shared/adapters/in-memory/customers';
import { makeInMemoryEmailSuppressionList } from '../../../../shared/adapters/in-memory/email-suppressions';
import { makeInMemoryEscalationSettings } from '../../../../shared/adapters/in-memory/escalation-settings';
import { makeInMemoryInquiryRepository } from '../../../../shared/adapters/in-memory/inquiries';
import {
  makeInMemoryOnceLog,
  makeRecordingMailer,
  makeRecordingPublisher,
} from '../../../../shared/adapters/in-memory/side-effects';
import type { Customer } from '../../../../shared/domain/customer';
import { newId } from '../../../../shared/ids';
import { makeCreateCustomer } from '../../../../shared/use-cases/create-customer';
import { makeApplyQuoteToInquiry } from '../../../../shared/use-cases/inquiries/apply-quote-to-inquiry';
import { makeCreateInquiry } from '../../../../shared/use-cases/inquiries/create-inquiry';
import { makeEscalateOverdueInquiries } from '../../../../shared/use-cases/inquiries/escalate-overdue-inquiries';
import { makeFindOrCreateBuyer } from '../../../../shared/use-cases/inquiries/find-or-create-buyer';
import { makeMarkInquiryLost } from '../../../../shared/use-cases/inquiries/mark-inquiry-lost';
import { makeReplyToInquiry } from '../../../../shared/use-cases/inquiries/reply-to-inquiry';

export const START = Date.parse('2026-11-23T09:00:00.000Z'); // a Monday
export const HOUR = 3_600_000;

/** Inquiries on in-memory ports, on a clock the test moves; the default SLAs and calendar (UTC). */
export function inquiryWorld(options: { customers?: Customer[] } = {}) {
  let now = START;
  const clock = { now: () => new Date(now) };
  const inquiries = makeInMemoryInquiryRepository();
  const customers = makeInMemoryCustomerRepository(options.customers);
  const communications = makeInMemoryCommunicationLog();
  const events = makeRecordingPublisher();
  const ses = makeRecordingMailer();
  const suppressions = makeInMemoryEmailSuppressionList();
  const settings = makeInMemoryEscalationSettings();
  const once = makeInMemoryOnceLog(() => now);
  const createCustomer = makeCreateCustomer({ customers, clock, newId });
  return {
    inquiries,
    customers,
    communications,
    events,
    ses,
    suppressions,
    settings,
    advance: (ms: number) => {
      now += ms;
    },
    create: makeCreateInquiry({
      inquiries,
      customers,
      findOrCreateBuyer: makeFindOrCreateBuyer({ customers, createCustomer }),
      communications,
      settings,
      events,
      clock,
      newId,
    }),
    reply: makeReplyToInquiry({
      inquiries,
      customers,
      mailer: makeBuyerMailer({ mailer: ses, suppressions, communications }),
      once,
      events,
      clock,
    }),
    markLost: makeMarkInquiryLost({ inquiries, events, clock }),
    applyQuote: makeApplyQuoteToInquiry({ inquiries, events }),
    sweep: makeEscalateOverdueInquiries({
      inquiries,
      overdue: inquiries.overdue,
      settings,
      events,
      once,
      clock,
    }),
  };
}

export const storefront = { kind: 'storefront' as const, id: 'sf_SHOP1' };
export const sales = { kind: 'staff' as const, id: 'user-sales-1', role: 'sales' };
export const buyer = { name: 'Ana Buyer', email: 'Ana@Hamburg-Tools.example', country: 'DE' };

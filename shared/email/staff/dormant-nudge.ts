import type { StaffLanguage } from '../../domain/staff-member';
import { type Fact, facts, paragraph, type RenderedEmail, renderEmail } from '../layout';

/** One dormant customer as the nudge lists it: its name (and company) when the profile has them. */
export interface DormantCustomerLine {
  customerId: string;
  name?: string;
  company?: string;
  /** The customer's page in the console, when the API's address is known. */
  url?: string;
}

/** Who the nudge reaches: the owner, or the sales mailbox and why. */
export type NudgeRecipient =
  | { kind: 'owner'; name: string; language: StaffLanguage }
  | { kind: 'no-owner' }
  | { kind: 'unknown-owner'; owner: string }
  | { kind: 'inactive-owner'; owner: string };

export interface DormantNudge {
  week: string;
  /** How many are dormant in all (the list may be shorter: the event carries at most 200). */
  count: number;
  customers: DormantCustomerLine[];
  recipient: NudgeRecipient;
}

const WORDS = {
  en: {
    subject: (week: string, count: number) =>
      `Your dormant customers, week ${week}: ${count} ${count === 1 ? 'customer' : 'customers'}`,
    greeting: (name: string) => `Hello ${name},`,
    intro: (count: number) =>
      `${count === 1 ? 'This customer of yours is' : `These ${count} customers of yours are`} past their predicted next order (the most overdue first). A call now may win the next order before they buy elsewhere.`,
    more: (shown: number, count: number) =>
      `${shown} of ${count} are listed; the whole list: GET /customers/lists/dormant.`,
    insights: 'Each customer’s insights: GET /customers/{id}/insights.',
    signOff: 'tradeflow, your weekly nudge',
  },
  'zh-CN': {
    subject: (week: string, count: number) => `您的休眠客户（${week} 周）：${count} 位`,
    greeting: (name: string) => `${name}，您好：`,
    intro: (count: number) =>
      `您负责的 ${count} 位客户已超过预计的下次下单日期（最久未下单的排在前面）。现在联系他们，可能在他们转向别家之前赢得下一笔订单。`,
    more: (shown: number, count: number) =>
      `共 ${count} 位，此处列出 ${shown} 位；完整名单：GET /customers/lists/dormant。`,
    insights: '每位客户的洞察：GET /customers/{id}/insights。',
    signOff: 'tradeflow 每周提醒',
  },
} as const;

/**
 * The weekly nudge about dormant customers. To the owner: in their language, greeting them by name.
 * To the sales mailbox (English): said plainly why it came there (no owner, an owner not in the
 * staff directory, an inactive one) and what to do, so nothing is lost.
 */
export function dormantNudgeEmail(nudge: DormantNudge): RenderedEmail {
  const { recipient } = nudge;
  const language = recipient.kind === 'owner' ? recipient.language : 'en';
  const words = WORDS[language];
  const rows = nudge.customers.map(
    (c): Fact => ({ label: label(c), value: c.customerId, ...(c.url ? { href: c.url } : {}) }),
  );
  const shown = nudge.customers.length;
  const body = [
    paragraph(words.intro(nudge.count)),
    facts(...rows),
    ...(shown < nudge.count ? [paragraph(words.more(shown, nudge.count))] : []),
    paragraph(words.insights),
  ];
  if (recipient.kind === 'owner') {
    return renderEmail(
      { subject: words.subject(nudge.week, nudge.count), blocks: body },
      { opening: words.greeting(recipient.name), closing: [words.signOff], lang: language },
    );
  }
  return renderEmail({
    subject: `[sales] ${salesSubject(recipient)}, week ${nudge.week}: ${nudge.count}`,
    blocks: [paragraph(salesNote(recipient)), ...body],
  });
}

function label(customer: DormantCustomerLine): string {
  const names = [customer.company, customer.name].filter((n): n is string => Boolean(n));
  const distinct = names.filter((n, i) => names.indexOf(n) === i);
  return distinct.length ? distinct.join(' · ') : customer.customerId;
}

function salesSubject(recipient: Exclude<NudgeRecipient, { kind: 'owner' }>): string {
  if (recipient.kind === 'no-owner') return 'Dormant customers with no owner';
  return `Dormant customers of ${recipient.kind === 'unknown-owner' ? 'unknown' : 'inactive'} owner ${recipient.owner}`;
}

function salesNote(recipient: Exclude<NudgeRecipient, { kind: 'owner' }>): string {
  if (recipient.kind === 'no-owner') {
    return 'These customers have no owner, so their weekly nudge comes to the sales mailbox: give each one an owner (PATCH /customers/{id} with "owner").';
  }
  const why =
    recipient.kind === 'unknown-owner'
      ? 'is not in the staff directory'
      : 'is inactive in the staff directory';
  return `The owner of these customers, "${recipient.owner}", ${why}, so this nudge came to the sales mailbox instead of them. Give the customers an active owner (PATCH /customers/{id} with "owner"), or add or reactivate the owner (PUT /staff/${recipient.owner}, admin).`;
}

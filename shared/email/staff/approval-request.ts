import type { EventDetail } from '../../contracts/events';
import type { StaffLanguage } from '../../domain/staff-member';
import { formatterFor } from '../format';
import { facts, lines, paragraph, type RenderedEmail, renderEmail } from '../layout';

/** Who a quote's approval request reaches: a sales manager of the directory, or the fallback address. */
export type ApprovalRecipient =
  | { kind: 'sales-manager'; name: string; language: StaffLanguage }
  | { kind: 'fallback' };

const WORDS = {
  en: {
    subject: (d: EventDetail<'QuoteApprovalRequested'>) =>
      `[sales manager] Quote ${d.quoteId} needs your approval: ${d.linesBelowFloor} ${d.linesBelowFloor === 1 ? 'line' : 'lines'} below the ${d.marginFloorPercent}% margin floor`,
    greeting: (name: string) => `Hello ${name},`,
    what: (d: EventDetail<'QuoteApprovalRequested'>, total: string) =>
      `Quote ${d.quoteId}, revision ${d.revision}, for customer ${d.customerId} (${total}) has ${d.linesBelowFloor} ${d.linesBelowFloor === 1 ? 'line' : 'lines'} below the ${d.marginFloorPercent}% margin floor (or with no cost to check). It cannot be sent until a sales manager approves it.`,
    next: (d: EventDetail<'QuoteApprovalRequested'>) => [
      `Review it: GET /quotes/${d.quoteId} (each line's cost and margin).`,
      `Approve revision ${d.revision}: POST /quotes/${d.quoteId}/approve with {"revision": ${d.revision}}.`,
      `Or have the prices revised: POST /quotes/${d.quoteId}/revisions.`,
    ],
    quote: 'Quote',
  },
  'zh-CN': {
    subject: (d: EventDetail<'QuoteApprovalRequested'>) =>
      `[销售经理] 报价 ${d.quoteId} 待您审批：${d.linesBelowFloor} 行低于 ${d.marginFloorPercent}% 毛利底线`,
    greeting: (name: string) => `${name}，您好：`,
    what: (d: EventDetail<'QuoteApprovalRequested'>, total: string) =>
      `客户 ${d.customerId} 的报价 ${d.quoteId}（第 ${d.revision} 版，${total}）有 ${d.linesBelowFloor} 行低于 ${d.marginFloorPercent}% 的毛利底线（或没有成本可供核对）。须经销售经理审批后才能发送。`,
    next: (d: EventDetail<'QuoteApprovalRequested'>) => [
      `查看：GET /quotes/${d.quoteId}（每行的成本与毛利）。`,
      `批准第 ${d.revision} 版：POST /quotes/${d.quoteId}/approve，正文 {"revision": ${d.revision}}。`,
      `或要求调整价格：POST /quotes/${d.quoteId}/revisions。`,
    ],
    quote: '报价',
  },
} as const;

/**
 * QuoteApprovalRequested for a sales manager, in their language. The fallback (no active sales
 * manager in the staff directory) is in English and says so, with how to add one.
 */
export function approvalRequestEmail(
  detail: EventDetail<'QuoteApprovalRequested'>,
  recipient: ApprovalRecipient,
  quoteUrl?: string,
): RenderedEmail {
  const language = recipient.kind === 'sales-manager' ? recipient.language : 'en';
  const words = WORDS[language];
  const total = formatterFor(language).money({ amount: detail.total, currency: detail.currency });
  const blocks = [
    paragraph(words.what(detail, total)),
    lines(...words.next(detail)),
    ...(quoteUrl ? [facts({ label: words.quote, value: detail.quoteId, href: quoteUrl })] : []),
  ];
  if (recipient.kind === 'sales-manager') {
    return renderEmail(
      { subject: words.subject(detail), blocks },
      { opening: words.greeting(recipient.name), lang: language },
    );
  }
  return renderEmail({
    subject: `[sales manager] Quote ${detail.quoteId} needs a sales manager's approval: ${detail.linesBelowFloor} ${detail.linesBelowFloor === 1 ? 'line' : 'lines'} below the ${detail.marginFloorPercent}% margin floor`,
    blocks: [
      paragraph(
        'No active sales manager is in the staff directory, so this request came to the sales manager address of the escalation settings. Add one: PUT /staff/{staffId} with "role": "sales-manager" (admin).',
      ),
      ...blocks,
    ],
  });
}

import type { DomainEvent } from '../../contracts/events';
import { formatAmount } from '../../domain/money';
import type { Quote } from '../../domain/quote';

/**
 * QuoteApprovalRequested for a quote whose current revision waits for a sales manager (lines below
 * the margin floor); none otherwise. One per revision (`<quoteId>:QuoteApprovalRequested:<revision>`),
 * so a retry that publishes it again is the same change. Ids and figures only.
 */
export function approvalRequested(quote: Quote): DomainEvent[] {
  if (quote.status !== 'PENDING_APPROVAL') return [];
  const { pricing, revision } = quote.current;
  return [
    {
      type: 'QuoteApprovalRequested',
      detail: {
        version: 1,
        changeId: `${quote.quoteId}:QuoteApprovalRequested:${revision}`,
        occurredAt: quote.updatedAt,
        quoteId: quote.quoteId,
        ...(quote.inquiryId ? { inquiryId: quote.inquiryId } : {}),
        customerId: quote.customerId,
        revision,
        total: formatAmount(pricing.total),
        currency: pricing.currency,
        linesBelowFloor: pricing.lines.filter((line) => line.needsApproval).length,
        marginFloorPercent: pricing.marginFloorPercent,
      },
    },
  ];
}

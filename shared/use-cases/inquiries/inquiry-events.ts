import type { DomainEvent } from '../../contracts/events';
import type { Inquiry } from '../../domain/inquiry';
import { formatAmount } from '../../domain/money';

/** The fields every inquiry event has: `orderId` carries the inquiry's id (the bus's once-log key). */
const base = (inquiry: Inquiry, changeId: string, occurredAt: string) => ({
  version: 1 as const,
  changeId,
  occurredAt,
  orderId: inquiry.inquiryId,
  inquiryId: inquiry.inquiryId,
  customerId: inquiry.customerId,
});

export function inquiryReceived(inquiry: Inquiry): DomainEvent<'InquiryReceived'> {
  return {
    type: 'InquiryReceived',
    detail: {
      ...base(inquiry, `${inquiry.inquiryId}:InquiryReceived`, inquiry.createdAt),
      channel: inquiry.receivedFrom.kind === 'storefront' ? 'storefront' : 'staff',
      lineCount: inquiry.lines.length,
      hasText: Boolean(inquiry.text),
      ...(inquiry.targetPrice
        ? {
            targetPrice: {
              amount: formatAmount(inquiry.targetPrice),
              currency: inquiry.targetPrice.currency,
            },
          }
        : {}),
      ...(inquiry.destinationCountry ? { destinationCountry: inquiry.destinationCountry } : {}),
      ...(inquiry.incoterm ? { incoterm: inquiry.incoterm } : {}),
    },
  };
}

export function inquiryReplied(inquiry: Inquiry, replyId: string): DomainEvent<'InquiryReplied'> {
  const index = inquiry.replies.findIndex((reply) => reply.replyId === replyId);
  const reply = inquiry.replies[index];
  return {
    type: 'InquiryReplied',
    detail: {
      ...base(inquiry, `${inquiry.inquiryId}:reply:${replyId}`, reply.at),
      replyId,
      replyCount: index + 1,
    },
  };
}

export function inquiryLost(inquiry: Inquiry): DomainEvent<'InquiryLost'> {
  return {
    type: 'InquiryLost',
    detail: {
      ...base(inquiry, `${inquiry.inquiryId}:InquiryLost`, inquiry.updatedAt),
      replyCount: inquiry.replies.length,
      quoteCount: inquiry.quoteIds.length,
    },
  };
}

export function inquiryWon(inquiry: Inquiry, at: string): DomainEvent<'InquiryWon'> {
  return {
    type: 'InquiryWon',
    detail: {
      ...base(inquiry, `${inquiry.inquiryId}:InquiryWon`, at),
      quoteId: inquiry.wonQuoteId ?? '',
    },
  };
}

export function inquiryOverdue(
  inquiry: Inquiry,
  since: string,
  step: { level: number; dueAt: string },
  now: string,
): DomainEvent<'InquiryOverdue'> {
  return {
    type: 'InquiryOverdue',
    detail: {
      version: 1,
      changeId: `${inquiry.inquiryId}:InquiryOverdue:${step.level}`,
      occurredAt: now,
      orderId: inquiry.inquiryId,
      inquiryId: inquiry.inquiryId,
      level: step.level,
      since,
      dueAt: step.dueAt,
    },
  };
}

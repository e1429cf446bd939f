import type { Inquiry } from '../domain/inquiry';
import { formatAmount } from '../domain/money';

/** An inquiry as the API answers it: money as decimal strings, the open wait as `firstReplyDue`. */
export function inquiryView(inquiry: Inquiry) {
  const { targetPrice, firstReplyWait, createdUnder: _key, version: _version, ...rest } = inquiry;
  return {
    ...rest,
    ...(targetPrice
      ? { targetPrice: { amount: formatAmount(targetPrice), currency: targetPrice.currency } }
      : {}),
    ...(firstReplyWait ? { firstReplyDue: firstReplyWait } : {}),
  };
}

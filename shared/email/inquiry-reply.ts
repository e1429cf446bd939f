import type { Customer } from '../domain/customer';
import type { Inquiry } from '../domain/inquiry';
import { facts, paragraph, type RenderedEmail, renderEmail } from './layout';

/**
 * Sales' reply to a buyer's inquiry: the message as written (paragraph by paragraph; everything is
 * escaped by the layout), then the inquiry it answers, so the buyer can refer to it.
 */
export function inquiryReplyEmail(
  inquiry: Inquiry,
  customer: Customer,
  reply: { subject: string; message: string },
): RenderedEmail {
  const paragraphs = reply.message
    .split(/\r?\n\s*\r?\n/)
    .map((text) => text.trim())
    .filter(Boolean)
    .map(paragraph);
  return renderEmail(
    {
      subject: reply.subject,
      blocks: [
        ...paragraphs,
        facts(
          { label: 'Your inquiry', value: inquiry.inquiryId },
          inquiry.lines.length > 0 && {
            label: 'Products',
            value: inquiry.lines.map((line) => `${line.sku} × ${line.quantity}`).join(', '),
          },
        ),
      ],
    },
    { lang: customer.language },
  );
}

import type { ListInquiriesQuery } from '../../contracts/inquiries';
import type { Inquiry } from '../../domain/inquiry';
import type { Actor } from '../../domain/order';
import { InvalidInputError, NotFoundError } from '../../errors';
import type { InquiryPage, InquiryRepository } from '../../ports/inquiries';

/** GET /inquiries/{id}: staff read any; a storefront only the inquiries it sent (another's is a 404). */
export function makeGetInquiry({ inquiries }: { inquiries: InquiryRepository }) {
  return async (inquiryId: string, caller: Actor): Promise<Inquiry> => {
    const inquiry = await inquiries.get(inquiryId);
    const visible =
      inquiry &&
      (caller.kind !== 'storefront' ||
        (inquiry.receivedFrom.kind === 'storefront' && inquiry.receivedFrom.id === caller.id));
    if (!visible) throw new NotFoundError(`no inquiry ${inquiryId}`);
    return inquiry;
  };
}

/** GET /inquiries (staff): by status or by customer (and status), newest first; one filter required. */
export function makeListInquiries({ inquiries }: { inquiries: InquiryRepository }) {
  return async (query: ListInquiriesQuery): Promise<InquiryPage> => {
    const { status, customerId, limit, nextToken } = query;
    if (customerId) return inquiries.listByCustomer(customerId, { status, limit, nextToken });
    if (status) return inquiries.listByStatus(status, { limit, nextToken });
    throw new InvalidInputError(
      'give status, customerId or both: inquiries are listed by status or by customer, not all at once',
      'status',
      'FILTER_REQUIRED',
    );
  };
}

import type { Inquiry } from '../../domain/inquiry';
import { ConcurrentUpdateError, ConflictError } from '../../errors';
import type { InquiryRepository, OverdueInquiries } from '../../ports/inquiries';

/** For unit tests: inquiries on a Map; the page token is an offset; the open-waits index is a scan. */
export function makeInMemoryInquiryRepository(initial: Inquiry[] = []) {
  const items = new Map(initial.map((inquiry) => [inquiry.inquiryId, structuredClone(inquiry)]));
  const page = (found: Inquiry[], options: { limit?: number; nextToken?: string }) => {
    const sorted = found.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const start = Number(options.nextToken ?? 0);
    const end = start + (options.limit ?? 25);
    return {
      items: sorted.slice(start, end).map((i) => structuredClone(i)),
      nextToken: end < sorted.length ? String(end) : undefined,
    };
  };
  const repository: InquiryRepository = {
    async create(inquiry) {
      if (items.has(inquiry.inquiryId)) throw new ConflictError(`inquiry ${inquiry.inquiryId} exists`);
      items.set(inquiry.inquiryId, structuredClone(inquiry));
    },
    async get(inquiryId) {
      const inquiry = items.get(inquiryId);
      return inquiry && structuredClone(inquiry);
    },
    async save(inquiry) {
      if (items.get(inquiry.inquiryId)?.version !== inquiry.version - 1)
        throw new ConcurrentUpdateError(`inquiry ${inquiry.inquiryId} changed since it was read`);
      items.set(inquiry.inquiryId, structuredClone(inquiry));
    },
    async listByStatus(status, options = {}) {
      return page(
        [...items.values()].filter((i) => i.status === status),
        options,
      );
    },
    async listByCustomer(customerId, options = {}) {
      return page(
        [...items.values()].filter(
          (i) => i.customerId === customerId && (!options.status || i.status === options.status),
        ),
        options,
      );
    },
  };
  const overdue: OverdueInquiries = {
    async listOverdue(now, limit) {
      return [...items.values()]
        .filter((i) => i.firstReplyWait?.dueAt && i.firstReplyWait.dueAt <= now)
        .map((i) => ({ inquiryId: i.inquiryId, dueAt: i.firstReplyWait!.dueAt! }))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .slice(0, limit);
    },
  };
  return Object.assign(repository, { items, overdue });
}

import type { Inquiry } from '../../domain/inquiry';
import { NotFoundError } from '../../errors';
import type { InquiryRepository } from '../../ports/inquiries';
import { retryOnConflict } from '../retry-on-conflict';

/**
 * Read, change, write with the version condition; on a concurrent write, read again and re-apply.
 * `change` returns undefined when nothing is to be written (a redelivery finding its work done).
 */
export async function updateInquiry(
  inquiries: InquiryRepository,
  inquiryId: string,
  change: (inquiry: Inquiry) => Inquiry | undefined,
): Promise<{ inquiry: Inquiry; changed: boolean }> {
  return retryOnConflict(async () => {
    const current = await inquiries.get(inquiryId);
    if (!current) throw new NotFoundError(`no inquiry ${inquiryId}`);
    const next = change(current);
    if (!next || next === current) return { inquiry: current, changed: false };
    const saved = { ...next, version: current.version + 1 };
    await inquiries.save(saved);
    return { inquiry: saved, changed: true };
  });
}

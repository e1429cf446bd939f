import { type EmailSuppression, normalizeAddress } from '../../domain/email-suppression';
import type { EmailSuppressionList } from '../../ports/email-suppressions';

/** For unit tests: one record per (customer, address), the first kept. */
export function makeInMemoryEmailSuppressionList(initial: EmailSuppression[] = []) {
  const records = new Map<string, EmailSuppression>();
  const key = (customerId: string, address: string) => `${customerId}|${normalizeAddress(address)}`;
  for (const record of initial) records.set(key(record.customerId, record.address), structuredClone(record));
  const list: EmailSuppressionList = {
    async add(suppression) {
      const id = key(suppression.customerId, suppression.address);
      const first = records.get(id);
      if (first) return { outcome: 'already', kept: structuredClone(first) };
      const kept = { ...suppression, address: normalizeAddress(suppression.address) };
      records.set(id, structuredClone(kept));
      return { outcome: 'added', kept };
    },
    async find(customerId, address) {
      const found = records.get(key(customerId, address));
      return found && structuredClone(found);
    },
  };
  return Object.assign(list, { records });
}

import type { CommunicationEntry } from '../../domain/communication';
import type { CommunicationLog } from '../../ports/communications';

/** For unit tests: newest first, one entry per (customer, entry id); the page token is an offset. */
export function makeInMemoryCommunicationLog(initial: CommunicationEntry[] = []) {
  const entries: CommunicationEntry[] = [];
  const log: CommunicationLog = {
    async record(entry) {
      if (entries.some((e) => e.customerId === entry.customerId && e.entryId === entry.entryId)) return;
      entries.push(structuredClone(entry));
    },
    async list(customerId, options = {}) {
      const mine = entries
        .filter((e) => e.customerId === customerId)
        .sort((a, b) => (a.at === b.at ? b.entryId.localeCompare(a.entryId) : b.at.localeCompare(a.at)));
      const start = Number(options.nextToken ?? 0);
      const end = start + (options.limit ?? 50);
      return {
        items: mine.slice(start, end).map((e) => structuredClone(e)),
        nextToken: end < mine.length ? String(end) : undefined,
      };
    },
  };
  for (const entry of initial) void log.record(entry);
  return Object.assign(log, { entries });
}

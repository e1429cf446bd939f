import type { StoredBankTransaction } from '../../bank/stored-transaction';
import { ConcurrentUpdateError } from '../../errors';
import type { BankTransactionStore } from '../../ports/bank-transactions';
import { InvalidPageTokenError } from '../page-token';

/** For unit tests: the store's contract (new-only adds, versions, status listing) on Maps. */
export function makeInMemoryBankTransactionStore() {
  const items = new Map<string, StoredBankTransaction>();
  const payers = new Map<string, string>();
  const store: BankTransactionStore = {
    async add(tx) {
      const existing = items.get(tx.transactionId);
      if (existing) return { created: false, stored: structuredClone(existing) };
      items.set(tx.transactionId, structuredClone(tx));
      return { created: true, stored: structuredClone(tx) };
    },
    async get(transactionId) {
      const tx = items.get(transactionId);
      return tx && structuredClone(tx);
    },
    async save(tx) {
      if (items.get(tx.transactionId)?.version !== tx.version - 1) {
        throw new ConcurrentUpdateError(`bank transaction ${tx.transactionId} changed since it was read`);
      }
      items.set(tx.transactionId, structuredClone(tx));
    },
    async listByStatus(status, options = {}) {
      const matching = [...items.values()]
        .filter((tx) => tx.state === status)
        .sort((a, b) =>
          `${a.bookingDate}#${a.transactionId}`.localeCompare(`${b.bookingDate}#${b.transactionId}`),
        );
      const start = options.nextToken ? offsetOf(options.nextToken) : 0;
      const end = start + (options.limit ?? 100);
      return {
        items: matching.slice(start, end).map((tx) => structuredClone(tx)),
        ...(end < matching.length ? { nextToken: `offset-${end}` } : {}),
      };
    },
    async payerCustomer(iban) {
      return payers.get(iban);
    },
    async rememberPayer(iban, customerId) {
      payers.set(iban, customerId);
    },
  };
  return Object.assign(store, { items, payers });
}

function offsetOf(token: string): number {
  const match = /^offset-(\d+)$/.exec(token);
  if (!match) throw new InvalidPageTokenError();
  return Number(match[1]);
}

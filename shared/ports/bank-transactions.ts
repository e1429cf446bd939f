import type { BankTransactionStatus, StoredBankTransaction } from '../bank/stored-transaction';

export interface BankTransactionPage {
  items: StoredBankTransaction[];
  nextToken?: string;
}

export interface BankTransactionStore {
  /** Stores the transaction unless its id is there: answers whether it was new, and what is stored. */
  add(tx: StoredBankTransaction): Promise<{ created: boolean; stored: StoredBankTransaction }>;
  get(transactionId: string): Promise<StoredBankTransaction | undefined>;
  /** Writes it if the stored version is `tx.version - 1`; else throws ConcurrentUpdateError. */
  save(tx: StoredBankTransaction): Promise<void>;
  /** In a status, oldest booking first. */
  listByStatus(
    status: BankTransactionStatus,
    options?: { limit?: number; nextToken?: string },
  ): Promise<BankTransactionPage>;
  /** The customer an IBAN has paid for before (learned from matched payments). */
  payerCustomer(iban: string): Promise<string | undefined>;
  rememberPayer(iban: string, customerId: string, transactionId: string, at: string): Promise<void>;
}

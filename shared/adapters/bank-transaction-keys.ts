/**
 * The finance table's status index (dynamodb-bank-transactions.ts): `bankStatus` (partition) and
 * `bankStatusKey` = `<bookingDate>#<transactionId>` (sort), so each status lists oldest booking first.
 */
export const BANK_STATUS_INDEX = 'byBankStatus';

import {
  IdempotencyItemAlreadyExistsError,
  IdempotencyItemNotFoundError,
} from '@aws-lambda-powertools/idempotency';
import { BasePersistenceLayer, IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';

/**
 * For unit tests: Powertools' persistence contract on a Map, with the DynamoDB layer's put condition
 * (a key may be taken when it is new, expired, or held by a run whose time ran out).
 */
export class InMemoryIdempotencyStore extends BasePersistenceLayer {
  readonly records = new Map<string, IdempotencyRecord>();

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    const existing = this.records.get(record.idempotencyKey);
    const now = Date.now();
    const free =
      !existing ||
      (existing.expiryTimestamp !== undefined && existing.expiryTimestamp < now / 1000) ||
      (existing.getStatus() === 'INPROGRESS' &&
        existing.inProgressExpiryTimestamp !== undefined &&
        existing.inProgressExpiryTimestamp < now);
    if (!free) {
      throw new IdempotencyItemAlreadyExistsError(
        `Failed to put record for already existing idempotency key: ${record.idempotencyKey}`,
        copy(existing),
      );
    }
    this.records.set(record.idempotencyKey, copy(record));
  }

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const record = this.records.get(idempotencyKey);
    if (!record) throw new IdempotencyItemNotFoundError();
    return copy(record);
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    const existing = this.records.get(record.idempotencyKey);
    this.records.set(
      record.idempotencyKey,
      copy(record, { payloadHash: record.payloadHash || existing?.payloadHash }),
    );
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    this.records.delete(record.idempotencyKey);
  }
}

/** A stored copy, as a database would keep it (the response as JSON). */
function copy(record: IdempotencyRecord, overrides: { payloadHash?: string } = {}): IdempotencyRecord {
  return new IdempotencyRecord({
    idempotencyKey: record.idempotencyKey,
    status: record.getStatus(),
    expiryTimestamp: record.expiryTimestamp,
    inProgressExpiryTimestamp: record.inProgressExpiryTimestamp,
    responseData: record.responseData === undefined ? undefined : structuredClone(record.responseData),
    payloadHash: overrides.payloadHash ?? record.payloadHash,
    sortKey: record.sortKey,
  });
}

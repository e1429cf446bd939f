import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Inquiry } from '../domain/inquiry';
import { ConcurrentUpdateError, ConflictError } from '../errors';
import type { InquiryPage, InquiryRepository, OverdueInquiries } from '../ports/inquiries';
import { makeDynamoOpenWaitIndex } from './dynamodb-open-waits';
import { openWaitShard } from './open-wait-keys';
import { decodeToken, encodeToken } from './page-token';

/**
 * Inquiries in DynamoDB: one item per inquiry (pk `INQUIRY#<id>`, sk `INQUIRY`), written whole with a
 * version condition. GSIs `byStatus` and `byCustomer` (by createdAt) serve the listings; `byOpenWaitDue`
 * (KEYS_ONLY, sparse) holds the inquiries whose first reply has an escalation step left, by its due
 * time, in the orders' shards (open-wait-keys.ts). The once-log's claims for an inquiry sit beside it.
 */
const SK = 'INQUIRY';
const PREFIX = 'INQUIRY#';
const key = (inquiryId: string) => ({ pk: `${PREFIX}${inquiryId}`, sk: SK });

export function makeDynamoInquiryRepository(
  db: DynamoDBDocumentClient,
  tableName: string,
): InquiryRepository {
  async function list(
    index: 'byStatus' | 'byCustomer',
    keyName: 'status' | 'customerId',
    value: string,
    options: { status?: string; limit?: number; nextToken?: string },
  ): Promise<InquiryPage> {
    const filter = index === 'byCustomer' && options.status;
    const result = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index,
        KeyConditionExpression: '#k = :v',
        ...(filter ? { FilterExpression: '#s = :s' } : {}),
        ExpressionAttributeNames: { '#k': keyName, ...(filter ? { '#s': 'status' } : {}) },
        ExpressionAttributeValues: { ':v': value, ...(filter ? { ':s': options.status } : {}) },
        ScanIndexForward: false,
        Limit: options.limit ?? 25,
        ExclusiveStartKey: decodeToken(options.nextToken, ['pk', 'sk', keyName, 'createdAt']),
      }),
    );
    return {
      items: (result.Items ?? []).filter((item) => item.sk === SK).map(toInquiry),
      nextToken: encodeToken(result.LastEvaluatedKey),
    };
  }

  return {
    async create(inquiry) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: itemOf(inquiry),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw new ConflictError(`inquiry ${inquiry.inquiryId} exists`);
        throw error;
      }
    },

    async get(inquiryId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key(inquiryId), ConsistentRead: true }),
      );
      return Item ? toInquiry(Item) : undefined;
    },

    async save(inquiry) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: itemOf(inquiry),
            ConditionExpression: 'version = :previous',
            ExpressionAttributeValues: { ':previous': inquiry.version - 1 },
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw new ConcurrentUpdateError(`inquiry ${inquiry.inquiryId} changed since it was read`);
        throw error;
      }
    },

    listByStatus: (status, options = {}) => list('byStatus', 'status', status, options),
    listByCustomer: (customerId, options = {}) => list('byCustomer', 'customerId', customerId, options),
  };
}

/** The inquiries' open-waits index: the orders' reader on the inquiries table. */
export function makeDynamoOverdueInquiries(db: DynamoDBDocumentClient, tableName: string): OverdueInquiries {
  const index = makeDynamoOpenWaitIndex(db, tableName, PREFIX);
  return {
    async listOverdue(now, limit) {
      const due = await index.listOverdue(now, limit);
      return due.map(({ orderId, dueAt }) => ({ inquiryId: orderId, dueAt }));
    },
  };
}

/** The index keys, present only while the first reply has a step left to escalate (a sparse index). */
function openWaitKeys(inquiry: Inquiry): { openWaitShard?: string; openWaitDueAt?: string } {
  const dueAt = inquiry.firstReplyWait?.dueAt;
  return dueAt ? { openWaitShard: openWaitShard(inquiry.inquiryId), openWaitDueAt: dueAt } : {};
}

function itemOf(inquiry: Inquiry) {
  return { ...key(inquiry.inquiryId), ...inquiry, ...openWaitKeys(inquiry) };
}

function toInquiry(item: Record<string, unknown>): Inquiry {
  const { pk: _pk, sk: _sk, openWaitShard: _s, openWaitDueAt: _d, ...inquiry } = item;
  return inquiry as unknown as Inquiry;
}

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { formatDocumentNumber } from '../documents/document-numbers';
import { logger } from '../observability';
import type { DocumentNumbers } from '../ports/document-numbers';

/**
 * Document numbers in the settings table: a counter item per series (pk `DOCSEQ#CI-2026`, raised by
 * one with a conditional update on the value read) and the number each order's document got (pk
 * `DOCNO#<orderId>#<kind>`, written once, if absent). A retry finds the number already given; two
 * writers racing for the same document keep the first number (the other is a gap, logged).
 */
export function makeDynamoDocumentNumbers(db: DynamoDBDocumentClient, tableName: string): DocumentNumbers {
  async function given(orderId: string, kind: string): Promise<string | undefined> {
    const { Item } = await db.send(
      new GetCommand({ TableName: tableName, Key: { pk: `DOCNO#${orderId}#${kind}` }, ConsistentRead: true }),
    );
    return Item?.number as string | undefined;
  }

  async function next(series: string): Promise<number> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { pk: `DOCSEQ#${series}` }, ConsistentRead: true }),
      );
      const current = (Item?.sequence as number | undefined) ?? 0;
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { pk: `DOCSEQ#${series}` },
            UpdateExpression: 'SET #sequence = :next',
            ConditionExpression: current ? '#sequence = :current' : 'attribute_not_exists(pk)',
            ExpressionAttributeNames: { '#sequence': 'sequence' },
            ExpressionAttributeValues: { ':next': current + 1, ...(current ? { ':current': current } : {}) },
          }),
        );
        return current + 1;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }
    throw new Error(`document series ${series}: too many concurrent numbers`);
  }

  return {
    async numberFor(orderId, kind, series) {
      const existing = await given(orderId, kind);
      if (existing) return existing;
      const number = formatDocumentNumber(series, await next(series));
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { pk: `DOCNO#${orderId}#${kind}`, number, orderId, kind },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return number;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        logger.warn('document number not used: another writer numbered the document first', {
          number,
          kind,
          orderId,
        });
        return (await given(orderId, kind))!;
      }
    },
  };
}

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  paginateQuery,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type {
  CustomerFacts,
  CustomerSummary,
  InquiryFact,
  MonthlyRevenue,
  OrderFact,
  QuoteFact,
} from '../domain/customer-activity';
import { ConcurrentUpdateError } from '../errors';
import type { ActivityKind, CustomerActivityRepository, CustomerSegments } from '../ports/customer-activity';
import { customerPk, FACT_PREFIX, revenuePk, SEGMENT_INDEX, SEGMENT_INDEX_KEY, SUMMARY_SK } from './crm-keys';
import { decodeToken, encodeToken } from './page-token';

const factSk = (kind: ActivityKind, id: string) => `${FACT_PREFIX}${kind.toUpperCase()}#${id}`;

/** The CRM's facts, summaries and monthly revenue in the customers table (crm-keys.ts). */
export function makeDynamoCustomerActivity(
  db: DynamoDBDocumentClient,
  tableName: string,
): CustomerActivityRepository & CustomerSegments {
  return {
    async recordFact(customerId, kind, id, fields) {
      // First write wins, field by field: `if_not_exists` keeps what an earlier delivery set.
      const all: Record<string, string | number> = { customerId, kind, [`${kind}Id`]: id, ...fields };
      const names: Record<string, string> = {};
      const values: Record<string, string | number> = {};
      const sets = Object.entries(all).map(([name, value], i) => {
        names[`#f${i}`] = name;
        values[`:v${i}`] = value;
        return `#f${i} = if_not_exists(#f${i}, :v${i})`;
      });
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: customerPk(customerId), sk: factSk(kind, id) },
          UpdateExpression: `SET ${sets.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    },

    async facts(customerId) {
      const facts: CustomerFacts = { orders: [], quotes: [], inquiries: [] };
      const pages = paginateQuery(
        { client: db },
        {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :fact)',
          ExpressionAttributeValues: { ':pk': customerPk(customerId), ':fact': FACT_PREFIX },
          ConsistentRead: true,
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          const { pk: _pk, sk: _sk, kind, customerId: _c, ...fact } = item;
          if (kind === 'order') facts.orders.push(fact as OrderFact);
          else if (kind === 'quote') facts.quotes.push(fact as QuoteFact);
          else if (kind === 'inquiry') facts.inquiries.push(fact as InquiryFact);
        }
      }
      return facts;
    },

    async summaryVersion(customerId) {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: { pk: customerPk(customerId), sk: SUMMARY_SK },
          ProjectionExpression: 'version',
          ConsistentRead: true,
        }),
      );
      return typeof Item?.version === 'number' ? Item.version : 0;
    },

    async saveSummary(summary, version, at) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { pk: customerPk(summary.customerId), sk: SUMMARY_SK, ...summary, version, updatedAt: at },
            ConditionExpression: version === 1 ? 'attribute_not_exists(pk)' : 'version = :previous',
            ...(version === 1 ? {} : { ExpressionAttributeValues: { ':previous': version - 1 } }),
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException)
          throw new ConcurrentUpdateError(
            `customer ${summary.customerId}'s summary changed since it was read`,
          );
        throw error;
      }
    },

    async saveMonthlyRevenue(customerId, month, lines, version) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              pk: revenuePk(month),
              sk: customerPk(customerId),
              customerId,
              month,
              lines: lines.map(({ currency, minor, orderCount, orders }) => ({
                currency,
                minor,
                orderCount,
                ...(orders ? { orders } : {}),
              })),
              version,
            },
            // An older summary's lines never overwrite a newer one's.
            ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
            ExpressionAttributeValues: { ':version': version },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },

    async list(segment, options) {
      const before = options.before !== undefined;
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: SEGMENT_INDEX,
          KeyConditionExpression: `#segment = :segment${before ? ' AND segmentKey < :before' : ''}`,
          ExpressionAttributeNames: { '#segment': 'segment' },
          ExpressionAttributeValues: {
            ':segment': segment,
            ...(before ? { ':before': options.before } : {}),
          },
          ScanIndexForward: !options.newestFirst,
          Limit: options.limit,
          ExclusiveStartKey: decodeToken(options.nextToken, SEGMENT_INDEX_KEY),
        }),
      );
      return {
        items: (result.Items ?? []).map(toSummary),
        ...(result.LastEvaluatedKey ? { nextToken: encodeToken(result.LastEvaluatedKey) } : {}),
      };
    },

    async revenueInMonth(month) {
      const lines: MonthlyRevenue[] = [];
      const pages = paginateQuery(
        { client: db },
        {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': revenuePk(month) },
        },
      );
      for await (const page of pages) {
        for (const item of page.Items ?? []) {
          for (const line of item.lines as Omit<MonthlyRevenue, 'month' | 'customerId'>[]) {
            lines.push({ month, customerId: item.customerId as string, ...line });
          }
        }
      }
      return lines;
    },
  };
}

function toSummary(item: Record<string, unknown>): CustomerSummary {
  const { pk: _pk, sk: _sk, version: _v, updatedAt: _u, ...summary } = item;
  return {
    revenue: [],
    inquiryCount: 0,
    quotesSent: 0,
    orderCount: 0,
    cancelledCount: 0,
    ...summary,
  } as unknown as CustomerSummary;
}

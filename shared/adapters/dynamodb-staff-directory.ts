import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { StaffMember } from '../domain/staff-member';
import { ConcurrentUpdateError } from '../errors';
import type { StaffDirectory } from '../ports/staff-directory';
import { decodeToken, encodeToken } from './page-token';

/**
 * The staff directory in its own table: one partition (`pk` `STAFF`), an item per member keyed by
 * staff id (`sk`), written whole with a version condition. One partition, because the directory is
 * people (tens, hundreds), read whole by the notices that look for sales managers and listed in
 * staff id order; its own table, because the functions that read it (the nudge, the approval
 * notices, the owner check) must not read anything else of another table for it.
 */
const PK = 'STAFF';
const KEY_NAMES = ['pk', 'sk'] as const;

export function makeDynamoStaffDirectory(db: DynamoDBDocumentClient, tableName: string): StaffDirectory {
  return {
    async get(staffId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { pk: PK, sk: staffId }, ConsistentRead: true }),
      );
      return Item ? toMember(Item) : undefined;
    },

    async list({ role, active, limit, nextToken }) {
      const filters = [
        ...(role ? ['#role = :role'] : []),
        ...(active !== undefined ? ['#active = :active'] : []),
      ];
      const result = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ...(filters.length
            ? {
                FilterExpression: filters.join(' AND '),
                ExpressionAttributeNames: {
                  ...(role ? { '#role': 'role' } : {}),
                  ...(active !== undefined ? { '#active': 'active' } : {}),
                },
              }
            : {}),
          ExpressionAttributeValues: {
            ':pk': PK,
            ...(role ? { ':role': role } : {}),
            ...(active !== undefined ? { ':active': active } : {}),
          },
          Limit: limit,
          ExclusiveStartKey: decodeToken(nextToken, KEY_NAMES),
        }),
      );
      return {
        items: (result.Items ?? []).map(toMember),
        ...(result.LastEvaluatedKey ? { nextToken: encodeToken(result.LastEvaluatedKey) } : {}),
      };
    },

    async save(member) {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { pk: PK, sk: member.staffId, ...member },
            ...(member.version === 1
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: 'version = :previous',
                  ExpressionAttributeValues: { ':previous': member.version - 1 },
                }),
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          throw new ConcurrentUpdateError(`staff member ${member.staffId} changed since it was read`);
        }
        throw error;
      }
    },
  };
}

function toMember(item: Record<string, unknown>): StaffMember {
  const { pk: _pk, sk: _sk, ...member } = item;
  return member as unknown as StaffMember;
}

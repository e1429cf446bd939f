import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Credential, CredentialStore } from '../ports/credentials';

/** Credentials keyed by the SHA-256 of their secret: a leaked table does not leak a usable key. */
const key = (secret: string) => ({ pk: `CRED#${createHash('sha256').update(secret).digest('hex')}` });

export function makeDynamoCredentialStore(db: DynamoDBDocumentClient, tableName: string): CredentialStore {
  return {
    async findBySecret(secret) {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key(secret) }));
      if (!Item) return undefined;
      const { pk: _pk, ...credential } = Item;
      return credential as Credential;
    },
    async put(secret, credential) {
      await db.send(new PutCommand({ TableName: tableName, Item: { ...key(secret), ...credential } }));
    },
  };
}

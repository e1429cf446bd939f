import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  ensureTables,
  type LocalDynamoDB,
  startLocalDynamoDB,
} from '../../../infra/local/dynamodb/local-dynamodb';
import { localClientConfig, localNames } from '../../../infra/local/local-aws';
import { topology } from '../../../infra/topology';
import { makeDynamoDocumentNumbers } from '../../../shared/adapters/dynamodb-document-numbers';
import type { DocumentNumbers } from '../../../shared/ports/document-numbers';

/** Document numbers on a real dynalite (settings table): one atomic counter per series, one number per document. */
describe('document numbers on DynamoDB (dynalite)', () => {
  let dataDir: string;
  let dynamodb: LocalDynamoDB;
  let client: DynamoDBClient;
  let numbers: DocumentNumbers;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-document-numbers-'));
    dynamodb = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: dataDir });
    const spec = topology.tables.settings;
    await ensureTables(dynamodb.url, [{ spec, physicalName: localNames.table(spec.name) }]);
    client = new DynamoDBClient(localClientConfig(dynamodb.url));
    numbers = makeDynamoDocumentNumbers(DynamoDBDocumentClient.from(client), localNames.table('settings'));
  });

  afterAll(async () => {
    client.destroy();
    await dynamodb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives 40 documents numbered at once 40 different numbers, 1 to 40, with no gap', async () => {
    // Prepare
    const orders = Array.from({ length: 40 }, (_, i) => `ord_${String(i).padStart(3, '0')}`);

    // Act
    const given = await Promise.all(
      orders.map((id) => numbers.numberFor(id, 'commercial-invoice', 'CI-2026')),
    );

    // Assess
    expect(new Set(given).size).toBe(40);
    expect([...given].sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => `CI-2026-${String(i + 1).padStart(6, '0')}`),
    );
  });

  it('gives a document its number again when asked again, and other series count on their own', async () => {
    // Prepare
    const first = await numbers.numberFor('ord_again', 'packing-list', 'PL-2026');

    // Act
    const again = await numbers.numberFor('ord_again', 'packing-list', 'PL-2026');
    const other = await numbers.numberFor('ord_other', 'packing-list', 'PL-2026');

    // Assess
    expect(again).toBe(first);
    expect(first).toBe('PL-2026-000001');
    expect(other).toBe('PL-2026-000002');
  });
});

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
import { makeDynamoCommunicationLog } from '../../../shared/adapters/dynamodb-communications';
import { makeDynamoEmailSuppressionList } from '../../../shared/adapters/dynamodb-email-suppressions';
import type { CommunicationEntry } from '../../../shared/domain/communication';
import type { CommunicationLog } from '../../../shared/ports/communications';
import type { EmailSuppressionList } from '../../../shared/ports/email-suppressions';

const CUSTOMER_ID = 'cus_01JCOMMS00000000000000000';

function entry(n: number, overrides: Partial<CommunicationEntry> = {}): CommunicationEntry {
  return {
    customerId: CUSTOMER_ID,
    entryId: `email:ord_1:change-${n}`,
    at: `2026-11-2${n}T10:00:00.000Z`,
    kind: 'email',
    direction: 'outbound',
    subject: `Email ${n}`,
    refs: { orderId: 'ord_1' },
    by: 'system',
    ...overrides,
  };
}

/** The customer's communication history and suppressed addresses, on a real dynalite (customers table). */
describe('communications and suppressions on DynamoDB (dynalite)', () => {
  let dataDir: string;
  let dynamodb: LocalDynamoDB;
  let client: DynamoDBClient;
  let log: CommunicationLog;
  let suppressions: EmailSuppressionList;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tradeflow-communications-'));
    dynamodb = await startLocalDynamoDB({ host: '127.0.0.1', port: 0, path: dataDir });
    const spec = topology.tables.customers;
    await ensureTables(dynamodb.url, [{ spec, physicalName: localNames.table(spec.name) }]);
    client = new DynamoDBClient(localClientConfig(dynamodb.url));
    const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    log = makeDynamoCommunicationLog(db, localNames.table('customers'));
    suppressions = makeDynamoEmailSuppressionList(db, localNames.table('customers'));
  });

  afterAll(async () => {
    client.destroy();
    await dynamodb.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('the communication history', () => {
    it('lists a customer’s entries newest first, in pages, and keeps one entry per recorded thing', async () => {
      // Prepare
      for (const n of [1, 3, 2]) await log.record(entry(n));
      await log.record(entry(1)); // recorded again (a retried send): no second entry
      await log.record(entry(9, { customerId: 'cus_01JSOMEONEELSE00000000000' }));

      // Act
      const first = await log.list(CUSTOMER_ID, { limit: 2 });
      const second = await log.list(CUSTOMER_ID, { limit: 2, nextToken: first.nextToken });

      // Assess
      expect(first.items.map((item) => item.entryId)).toEqual([
        'email:ord_1:change-3',
        'email:ord_1:change-2',
      ]);
      expect(first.nextToken).toEqual(expect.any(String));
      expect(second.items).toEqual([entry(1)]);
      expect(second.nextToken).toBeUndefined();
    });

    it('keeps the first record of an entry: a repeat with other words changes nothing', async () => {
      // Prepare
      const customerId = 'cus_01JCOMMSREPEAT00000000000';
      await log.record(entry(4, { customerId, subject: 'First' }));

      // Act
      await log.record(entry(4, { customerId, subject: 'Second' }));

      // Assess
      expect((await log.list(customerId)).items.map((item) => item.subject)).toEqual(['First']);
    });

    it('does not list the customer’s other items (their profile, suppressed addresses)', async () => {
      // Prepare
      const customerId = 'cus_01JCOMMSMIXED000000000000';
      await suppressions.add({
        customerId,
        address: 'ana@example.com',
        reason: 'bounce',
        at: '2026-11-27T10:00:00.000Z',
        feedbackId: 'fb',
      });
      await log.record(entry(5, { customerId }));

      // Act
      const page = await log.list(customerId);

      // Assess
      expect(page.items).toEqual([entry(5, { customerId })]);
    });
  });

  describe('suppressed addresses', () => {
    it('suppresses an address once (any case), keeping the first report, per customer', async () => {
      // Prepare
      const customerId = 'cus_01JSUPPRESS000000000000000';
      const first = {
        customerId,
        address: 'Bounce@Simulator.AmazonSES.com',
        reason: 'bounce' as const,
        detail: 'General',
        at: '2026-11-27T10:00:02.000Z',
        feedbackId: 'fb-1',
        orderId: 'ord_1',
      };

      // Act
      const added = await suppressions.add(first);
      const again = await suppressions.add({ ...first, reason: 'complaint', feedbackId: 'fb-2' });

      // Assess
      const kept = { ...first, address: 'bounce@simulator.amazonses.com' };
      expect(added).toEqual({ outcome: 'added', kept });
      expect(again).toEqual({ outcome: 'already', kept });
      expect(await suppressions.find(customerId, 'BOUNCE@simulator.amazonses.com')).toEqual(kept);
      expect(
        await suppressions.find('cus_01JSOMEONEELSE00000000000', 'bounce@simulator.amazonses.com'),
      ).toBeUndefined();
      expect(await suppressions.find(customerId, 'ana@example.com')).toBeUndefined();
    });
  });
});

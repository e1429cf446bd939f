import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { type LocalS3, startLocalS3 } from '../../../infra/local/s3/local-s3';

/**
 * The local S3 answers a conditional write (`If-None-Match: *`) as S3 does: the trade documents'
 * manifest relies on it so that two runs of the issuing step never both keep the same version.
 */
describe('local S3: PutObject with If-None-Match', () => {
  const directory = mkdtempSync(join(tmpdir(), 'tradeflow-s3-'));
  let s3Server: LocalS3;
  let s3: S3Client;
  const put = (key: string, body: string, conditional = true) =>
    s3.send(
      new PutObjectCommand({
        Bucket: 'documents',
        Key: key,
        Body: Buffer.from(body),
        ...(conditional ? { IfNoneMatch: '*' } : {}),
      }),
    );
  const statusOf = (result: PromiseSettledResult<unknown>) =>
    result.status === 'fulfilled'
      ? 200
      : result.reason instanceof S3ServiceException
        ? result.reason.$metadata.httpStatusCode
        : String(result.reason);
  const read = async (key: string) =>
    (await s3.send(new GetObjectCommand({ Bucket: 'documents', Key: key }))).Body!.transformToString();

  beforeAll(async () => {
    s3Server = await startLocalS3({ host: '127.0.0.1', port: 0, directory, buckets: ['documents'] });
    s3 = new S3Client({
      endpoint: s3Server.url,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
  });
  afterAll(async () => {
    s3.destroy();
    await s3Server.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('refuses to overwrite an existing key with 412 and keeps the first body', async () => {
    // Prepare
    const key = 'orders/ord 1/commercial-invoice/v0001/manifest.json';
    await put(key, 'first');
    // Act
    const [second] = await Promise.allSettled([put(key, 'second')]);
    // Assess
    expect(statusOf(second)).toBe(412);
    expect(await read(key)).toBe('first');
  });

  it('lets exactly one of two racing writers win', async () => {
    // Act
    const key = 'orders/ord_2/packing-list/v0001/manifest.json';
    const results = await Promise.allSettled([put(key, 'a'), put(key, 'b')]);
    // Assess
    expect(results.map(statusOf).sort()).toEqual([200, 412]);
    expect(['a', 'b']).toContain(await read(key));
  });

  it('still overwrites when the write is not conditional', async () => {
    // Prepare
    const key = 'orders/ord_3/packing-list/v0001/manifest.json';
    await put(key, 'old', false);
    // Act
    await put(key, 'new', false);
    // Assess
    expect(await read(key)).toBe('new');
  });
});

import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { DOCUMENT_CONTENT_TYPES } from '../documents/content-types';
import { ConcurrentUpdateError } from '../errors';
import {
  DOCUMENT_KINDS,
  type DocumentFormat,
  type DocumentKind,
  type StoredDocument,
  type TradeDocumentStore,
} from '../ports/trade-documents';

/**
 * Trade documents in the documents bucket, every version kept; S3 itself is the index:
 *   orders/<orderId>/<kind>/v0001/manifest.json          the version's entry (a StoredDocument)
 *   orders/<orderId>/<kind>/v0001/<hash>/<number>.pdf    its files (.json and .csv for customs data)
 *   orders/<orderId>/shipments/<n>/<kind>/v0001/…        a later shipment's own (partial shipments)
 * The manifest is written last, so a version is listed only once its files are there. Its write is
 * conditional (If-None-Match), so two writers never claim the same version; files sit under the
 * content hash, so a loser's files never overwrite the winner's. Bodies are Buffers (s3rver keeps a
 * stream's aws-chunked framing otherwise; see DESIGN.md).
 */
const MANIFEST = 'manifest.json';
const prefixOf = (orderId: string, kind?: DocumentKind, shipmentNo?: number) =>
  `orders/${orderId}/${shipmentNo && shipmentNo > 1 ? `shipments/${shipmentNo}/` : ''}${kind ? `${kind}/` : ''}`;
const versionDir = (orderId: string, kind: DocumentKind, version: number, shipmentNo?: number) =>
  `${prefixOf(orderId, kind, shipmentNo)}v${String(version).padStart(4, '0')}/`;
const EXTENSIONS: Record<DocumentFormat, string> = { pdf: 'pdf', json: 'json', csv: 'csv' };

/** The S3 client the documents use: path-style when pointed at a local endpoint (s3rver). */
export function documentsS3Client(): S3Client {
  return new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) });
}

export function makeS3TradeDocumentStore(s3: S3Client, bucket: string): TradeDocumentStore {
  async function keys(prefix: string): Promise<string[]> {
    const found: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const item of page.Contents ?? []) if (item.Key) found.push(item.Key);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  async function bytes(key: string): Promise<Uint8Array> {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!object.Body) throw new Error(`s3://${bucket}/${key} has no body`);
    return object.Body.transformToByteArray();
  }

  async function manifest(key: string): Promise<StoredDocument> {
    return JSON.parse(Buffer.from(await bytes(key)).toString('utf8')) as StoredDocument;
  }

  const manifests = (all: string[]) => all.filter((key) => key.endsWith(`/${MANIFEST}`)).sort();

  async function latest(
    orderId: string,
    kind: DocumentKind,
    shipmentNo?: number,
  ): Promise<StoredDocument | undefined> {
    const newest = manifests(await keys(prefixOf(orderId, kind, shipmentNo))).pop();
    return newest ? manifest(newest) : undefined;
  }

  return {
    async list(orderId) {
      const found = await Promise.all(manifests(await keys(prefixOf(orderId))).map(manifest));
      return found
        .filter((document) => (DOCUMENT_KINDS as readonly string[]).includes(document.kind))
        .sort(
          (a, b) =>
            b.issuedAt.localeCompare(a.issuedAt) || a.kind.localeCompare(b.kind) || b.version - a.version,
        );
    },

    latest,

    read(document, format) {
      const file = document.files[format];
      if (!file) throw new Error(`${document.kind} v${document.version} has no ${format} file`);
      return bytes(file.key);
    },

    async save(draft) {
      const dir = versionDir(draft.orderId, draft.kind, draft.version, draft.shipmentNo);
      const files: StoredDocument['files'] = {};
      for (const [format, body] of Object.entries(draft.files) as [DocumentFormat, Uint8Array][]) {
        const key = `${dir}${draft.contentHash.slice(0, 16)}/${draft.number}.${EXTENSIONS[format]}`;
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: Buffer.from(body),
            ContentType: DOCUMENT_CONTENT_TYPES[format],
          }),
        );
        files[format] = { key, bytes: body.byteLength };
      }
      const stored: StoredDocument = {
        orderId: draft.orderId,
        kind: draft.kind,
        number: draft.number,
        version: draft.version,
        issuedAt: draft.issuedAt,
        files,
        contentHash: draft.contentHash,
        ...(draft.shipmentNo !== undefined ? { shipmentNo: draft.shipmentNo } : {}),
      };
      try {
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `${dir}${MANIFEST}`,
            Body: Buffer.from(JSON.stringify(stored)),
            ContentType: 'application/json',
            IfNoneMatch: '*',
          }),
        );
        return stored;
      } catch (error) {
        if (error instanceof S3ServiceException && [409, 412].includes(error.$metadata.httpStatusCode ?? 0)) {
          // Another writer kept this version first: the step's retry reads it and finds its work done.
          throw new ConcurrentUpdateError(
            `${draft.kind} v${draft.version} of ${draft.orderId} was kept by another writer`,
          );
        }
        throw error;
      }
    },
  };
}

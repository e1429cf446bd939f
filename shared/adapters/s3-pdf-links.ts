import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { KeptPdfs } from '../ports/pdf-links';

/** How long a presigned PDF link works: long enough to open it, short enough that a copy soon expires. */
export const PDF_LINK_SECONDS = 300;

const safeFilename = (filename: string) => filename.replace(/[^A-Za-z0-9._-]/g, '_');

/**
 * Presigned S3 GETs of PDFs in one bucket, signed with the function's own credentials (so the link
 * can do no more than the function's s3:GetObject). S3 answers with the PDF's type and an inline
 * filename, whatever the object was stored with. Locally the client points at s3rver on 127.0.0.1
 * (path-style), so the link opens on the machine that runs it.
 */
export function makeS3PdfLinks(s3: S3Client, bucket: string): KeptPdfs {
  return {
    link: (key, filename) =>
      getSignedUrl(
        s3,
        new GetObjectCommand({
          Bucket: bucket,
          Key: key,
          ResponseContentDisposition: `inline; filename="${safeFilename(filename)}"`,
          ResponseContentType: 'application/pdf',
        }),
        { expiresIn: PDF_LINK_SECONDS },
      ),

    async has(key) {
      try {
        await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (error) {
        // 404 needs s3:ListBucket, which every reader of a bucket has (infra/aws/access.ts).
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return false;
        throw error;
      }
    },

    async read(key) {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return object.Body ? await object.Body.transformToByteArray() : undefined;
      } catch (error) {
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return undefined;
        throw error;
      }
    },

    async keep(key, bytes) {
      try {
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: Buffer.from(bytes),
            ContentType: 'application/pdf',
            IfNoneMatch: '*',
          }),
        );
      } catch (error) {
        const status = error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined;
        if (status === 412 || status === 409) return; // kept first by another request: the same PDF
        throw error;
      }
    },
  };
}

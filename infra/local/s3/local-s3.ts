import { mkdirSync } from 'node:fs';
import S3rver from 's3rver';

export interface LocalS3 {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** s3rver with the topology's buckets, files kept on disk under `directory`. */
export async function startLocalS3(options: {
  host: string;
  port: number;
  directory: string;
  buckets: string[];
}): Promise<LocalS3> {
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    port: options.port,
    address: options.host,
    directory: options.directory,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return { url: `http://${options.host}:${port}`, port, close: () => server.close() };
}

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
  // First in the chain: it answers before s3rver's router would write the object.
  server.middleware.unshift(conditionalPut(server.store));
  const { port } = await server.run();
  return { url: `http://${options.host}:${port}`, port, close: () => server.close() };
}

/**
 * `PutObject` with `If-None-Match: *` (S3 conditional writes): 412 PreconditionFailed when the key
 * exists, as S3 answers; s3rver honours the header on GET only and would overwrite. A key being
 * written by a conditional PUT counts as existing, so of two racing writers exactly one wins.
 * Path-style requests only (the local clients use `forcePathStyle`).
 */
function conditionalPut(store: { existsObject(bucket: string, key: string): Promise<boolean> }) {
  const writing = new Set<string>();
  return async (
    ctx: {
      method: string;
      path: string;
      get(header: string): string;
      status: number;
      type: string;
      body: unknown;
    },
    next: () => Promise<unknown>,
  ) => {
    const [, bucket, ...rest] = ctx.path.split('/');
    if (ctx.method !== 'PUT' || ctx.get('if-none-match') !== '*' || !bucket || !rest.length) return next();
    const key = rest.map(decodeURIComponent).join('/');
    const id = `${bucket}/${key}`;
    const taken = writing.has(id);
    if (!taken) writing.add(id); // before the await below, so a racing writer sees it taken
    if (taken || (await store.existsObject(bucket, key))) {
      if (!taken) writing.delete(id);
      ctx.status = 412;
      ctx.type = 'application/xml';
      ctx.body =
        '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code>' +
        '<Message>At least one of the pre-conditions you specified did not hold</Message>' +
        `<Condition>If-None-Match</Condition><Resource>/${id}</Resource></Error>`;
      return;
    }
    try {
      return await next();
    } finally {
      writing.delete(id);
    }
  };
}

// Local parts that ship without type declarations: only what the runtime uses.
declare module 'dynalite' {
  import type { Server } from 'node:http';

  function dynalite(options?: {
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
  }): Server;
  export = dynalite;
}

declare module 's3rver' {
  interface S3rverOptions {
    port?: number;
    address?: string;
    directory: string;
    silent?: boolean;
    configureBuckets?: { name: string; configs?: string[] }[];
  }
  class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
    /** Koa's middleware list (s3rver is a Koa app), composed when it starts listening. */
    middleware: ((ctx: never, next: () => Promise<unknown>) => unknown)[];
    store: { existsObject(bucket: string, key: string): Promise<boolean> };
  }
  export = S3rver;
}

declare module 'aws-ses-v2-local' {
  import type { Server } from 'node:http';

  function sesLocal(options: { host?: string; port?: number }): Promise<Server>;
  export default sesLocal;
}

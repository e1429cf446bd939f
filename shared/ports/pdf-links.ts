/**
 * Links a browser can open to a PDF kept in the documents bucket. A buyer's link to one of our PDF
 * routes redirects to such a link: API Gateway passes a Lambda's base64 body as binary only when the
 * request's Accept names a binary media type, and a browser following a link sends `text/html,…`.
 */
export interface PdfLinks {
  /** A short-lived URL that downloads the object at `key` as a PDF, shown inline as `filename`. */
  link(key: string, filename: string): Promise<string>;
}

/** PDFs rendered on demand and kept once under a key that names what they show (a quote revision). */
export interface KeptPdfs extends PdfLinks {
  has(key: string): Promise<boolean>;
  /** The bytes at `key`, or undefined when nothing is kept there yet. */
  read(key: string): Promise<Uint8Array | undefined>;
  /** Keeps `bytes` at `key` unless something is already there: a racing writer's copy is the same PDF. */
  keep(key: string, bytes: Uint8Array): Promise<void>;
}

import type { KeptPdfs } from '../../ports/pdf-links';

/**
 * For unit tests: PDFs on a Map, and links that name the key and filename they were made for (the
 * real ones are S3 presigned URLs: shared/adapters/s3-pdf-links.ts).
 */
export function makeInMemoryPdfLinks(initial: Record<string, Uint8Array> = {}) {
  const kept = new Map<string, Uint8Array>(Object.entries(initial));
  const writes: string[] = [];
  const pdfs: KeptPdfs = {
    async link(key, filename) {
      return `https://pdfs.test/${key}?filename=${encodeURIComponent(filename)}`;
    },
    async has(key) {
      return kept.has(key);
    },
    async read(key) {
      return kept.get(key);
    },
    async keep(key, bytes) {
      if (kept.has(key)) return;
      kept.set(key, bytes);
      writes.push(key);
    },
  };
  return Object.assign(pdfs, { kept, writes });
}

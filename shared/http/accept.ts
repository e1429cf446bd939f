/**
 * Whether a request names `application/pdf` in its Accept header (with a q above 0). A wildcard
 * (`*\/*`, `application/*`) does not count: it is what browsers and plain HTTP clients send, and API
 * Gateway passes a base64 body as binary only when Accept names the binary type itself.
 */
export function acceptsPdf(headers: Record<string, string | undefined> | null | undefined): boolean {
  const accept = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'accept')?.[1] ?? '';
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== 'application/pdf') return false;
    const q = params.find((param) => param.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

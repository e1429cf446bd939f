/**
 * Server-Sent Events framing (the WHATWG event stream format): `id:` and `event:` lines, one `data:`
 * line per line of the payload, a blank line to end the event; a line starting with `:` is a comment,
 * which clients ignore (the heartbeat).
 */
export function sseEvent(data: string, options: { id?: string; event?: string } = {}): string {
  const lines: string[] = [];
  // An id with a line break or NUL cannot be framed; the event goes without one.
  if (options.id && !/[\r\n\0]/.test(options.id)) lines.push(`id: ${options.id}`);
  if (options.event) lines.push(`event: ${options.event}`);
  for (const line of data.split(/\r\n|\r|\n/)) lines.push(`data: ${line}`);
  return `${lines.join('\n')}\n\n`;
}

export const sseComment = (text: string): string => `: ${text}\n\n`;

/** How long a client waits before reconnecting (EventSource's `retry:`), in ms. */
export const sseRetry = (ms: number): string => `retry: ${ms}\n\n`;

/** The `id` of a posted message: the feed posts JSON with the event id, which the stream resumes from. */
export function messageId(data: string): string | undefined {
  try {
    const id = (JSON.parse(data) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** The 409s a client is told to send again: someone else changed the order, or the key is in use. */
const BUSY = new Set(['CONCURRENT_UPDATE', 'IDEMPOTENCY_IN_PROGRESS']);

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answered
  json: any;
}

export const isBusy = (answer: Answer) => answer.status === 409 && BUSY.has(answer.json?.error?.code);

/**
 * Sends a request until its answer is neither "busy, retry" (409 CONCURRENT_UPDATE or
 * IDEMPOTENCY_IN_PROGRESS) nor, when `retry5xx`, a 5xx ("the request may be retried"), waiting
 * longer each time, with jitter: what a well-behaved client does with the same Idempotency-Key.
 * Returns every answer, the last one being the outcome; callers count and judge the others.
 */
export async function retryWhileBusy<T extends Answer>(
  send: () => Promise<T>,
  options: { attempts?: number; retry5xx?: boolean } = {},
): Promise<T[]> {
  const { attempts = 30, retry5xx = false } = options;
  const answers: T[] = [];
  for (let attempt = 1; ; attempt++) {
    const answer = await send();
    answers.push(answer);
    const again = isBusy(answer) || (retry5xx && answer.status >= 500);
    if (!again || attempt >= attempts) return answers;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(1_000, 25 * 2 ** attempt)));
  }
}

/** Posts a signed webhook; resolves on a 2xx answer, throws WebhookDeliveryError otherwise. */
export interface WebhookSender {
  post(url: string, rawBody: string, headers: Record<string, string>): Promise<void>;
}

/**
 * A webhook attempt failed: the receiver's status, a timeout, a refused address or a network error.
 * The message names what happened, never the body sent or received.
 */
export class WebhookDeliveryError extends Error {
  override name = 'WebhookDeliveryError';
}

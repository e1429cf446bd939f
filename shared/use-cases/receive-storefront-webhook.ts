import { createHash } from 'node:crypto';
import { InvalidInputError, UnauthorizedError } from '../errors';
import { idFor } from '../ids';
import type { Clock } from '../ports/clock';
import type { EventPublisher } from '../ports/events';
import type { StorefrontRepository } from '../ports/storefronts';
import type { WebhookDelivery, WebhookInbox } from '../ports/webhook-inbox';
import { verifyBase64HmacSha256 } from '../storefronts/hmac-signature';
import type { StorefrontPlatform } from '../storefronts/storefront-order';
import { WEBHOOK_PLATFORMS } from '../storefronts/webhook-platforms';
import { isWooCommercePing } from '../storefronts/woocommerce-ping';

export interface IncomingWebhook {
  platform: StorefrontPlatform;
  storefrontId: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The body exactly as received: the signature is over these bytes. */
  rawBody: Buffer;
}

export type WebhookOutcome =
  | { outcome: 'ping' | 'ignored-topic' }
  | { outcome: 'kept' | 'duplicate' | 'unprocessable'; orderId: string; deliveryId: string };

export interface ReceiveWebhookDeps {
  storefronts: StorefrontRepository;
  inbox: WebhookInbox;
  events: EventPublisher;
  clock: Clock;
}

/** The one order a shop order becomes, whichever of its webhooks comes first. */
export const storefrontOrderId = (storefrontId: string, externalRef: string) =>
  idFor('ord', `storefront:${storefrontId}:shop-order:${externalRef}`);

/**
 * A shop's order webhook: the signature is checked on the raw body before anything is parsed (an
 * unknown storefront and a bad signature answer alike, so neither can be probed); then the delivery
 * is kept in the inbox under its delivery id and announced, and the work goes on asynchronously
 * (apply-storefront-order). A redelivery is announced again, since the first announcement may be what
 * failed; its consumer does each thing once. An order we cannot take is kept too, sales is told, and
 * the shop gets a 200: a 4xx would only make it retry for hours and then drop the subscription.
 */
export function makeReceiveStorefrontWebhook({ storefronts, inbox, events, clock }: ReceiveWebhookDeps) {
  return async (request: IncomingWebhook): Promise<WebhookOutcome> => {
    const platform = WEBHOOK_PLATFORMS[request.platform];
    const text = request.rawBody.toString('utf8');
    if (request.platform === 'woocommerce' && isWooCommercePing(request.headers['content-type'], text)) {
      return { outcome: 'ping' };
    }
    const storefront = request.storefrontId ? await storefronts.get(request.storefrontId) : undefined;
    const signature = request.headers[platform.signatureHeader];
    if (
      !storefront ||
      storefront.platform !== request.platform ||
      !verifyBase64HmacSha256(request.rawBody, storefront.webhookSecret, signature)
    ) {
      throw new UnauthorizedError(
        signature
          ? `the ${platform.signatureHeader} signature does not match this storefront's webhook secret`
          : `the ${platform.signatureHeader} header is missing: sign the body with the storefront's webhook secret`,
      );
    }

    const topic = request.headers[platform.topicHeader] ?? '';
    if (!platform.orderTopics.includes(topic)) return { outcome: 'ignored-topic' };

    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      throw new InvalidInputError('the body is not JSON');
    }
    const mapping = platform.map(payload, { skuMap: storefront.skuMap });
    const externalRef = mapping.ok ? mapping.order.externalRef : shopOrderIdOf(payload);
    const deliveryId =
      platform.deliveryIdHeaders.map((name) => request.headers[name]).find((value) => value) ??
      createHash('sha256').update(topic).update(request.rawBody).digest('base64url');
    const delivery: WebhookDelivery = {
      storefrontId: storefront.storefrontId,
      platform: request.platform,
      deliveryId,
      topic,
      externalRef,
      receivedAt: clock.now().toISOString(),
      mapping,
    };
    const kept = await inbox.keep(delivery);
    const orderId = storefrontOrderId(storefront.storefrontId, externalRef);
    const detail = {
      version: 1 as const,
      changeId: `${storefront.storefrontId}:${deliveryId}`,
      occurredAt: delivery.receivedAt,
      orderId,
      storefrontId: storefront.storefrontId,
      platform: request.platform,
      deliveryId,
      topic,
      externalRef,
    };
    if (!mapping.ok) {
      await events.publish([
        { type: 'StorefrontOrderUnprocessable', detail: { ...detail, problems: mapping.problems } },
      ]);
      return { outcome: 'unprocessable', orderId, deliveryId };
    }
    await events.publish([{ type: 'StorefrontOrderReceived', detail }]);
    return { outcome: kept, orderId, deliveryId };
  };
}

/** The shop's order id of a payload the mapping refused, if it has one, for the people who look into it. */
function shopOrderIdOf(payload: unknown): string {
  const id = typeof payload === 'object' && payload !== null ? (payload as { id?: unknown }).id : undefined;
  return typeof id === 'number' || typeof id === 'string' ? String(id) : 'unknown';
}

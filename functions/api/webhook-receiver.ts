import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoStorefrontRepository } from '../../shared/adapters/dynamodb-storefronts';
import { makeDynamoWebhookInbox } from '../../shared/adapters/dynamodb-webhook-inbox';
import { makeEventBridgePublisher } from '../../shared/adapters/eventbridge-publisher';
import { loadConfig } from '../../shared/config';
import { storefrontIdParam } from '../../shared/contracts/storefronts';
import { UnauthorizedError } from '../../shared/errors';
import { apiHandler } from '../../shared/http/api-handler';
import { json } from '../../shared/http/responses';
import { logger } from '../../shared/observability';
import { systemClock } from '../../shared/ports/clock';
import type { StorefrontPlatform } from '../../shared/storefronts/storefront-order';
import { makeReceiveStorefrontWebhook } from '../../shared/use-cases/receive-storefront-webhook';
import * as z from '../../shared/zod-mini';

/**
 * The handler of one platform's webhook route (receive-shopify-webhook, receive-woocommerce-webhook):
 * no API key or authorizer in front of it; the signature over the raw body is the credential.
 */
export function webhookReceiver(platform: StorefrontPlatform) {
  const config = loadConfig(
    z.object({
      ACCESS_TABLE: z.string().check(z.minLength(1)),
      INBOX_TABLE: z.string().check(z.minLength(1)),
      EVENT_BUS_NAME: z.string().check(z.minLength(1)),
    }),
  );
  const db = dynamoDocumentClient();
  const receive = makeReceiveStorefrontWebhook({
    storefronts: makeDynamoStorefrontRepository(db, config.ACCESS_TABLE),
    inbox: makeDynamoWebhookInbox(db, config.INBOX_TABLE),
    events: makeEventBridgePublisher(new EventBridgeClient({}), config.EVENT_BUS_NAME),
    clock: systemClock,
  });

  return apiHandler(async (event) => {
    // Not a storefront id: answered as an unknown storefront is (401), so ids cannot be probed.
    const parsedId = storefrontIdParam.safeParse(event.pathParameters?.storefrontId);
    const storefrontId = parsedId.success ? parsedId.data : '';
    const headers = lowerCaseHeaders(event);
    try {
      const result = await receive({ platform, storefrontId, headers, rawBody: rawBodyOf(event) });
      logger.info('webhook received', { platform, storefrontId, topic: topicOf(headers), ...result });
      return json(200, { received: true, ...result });
    } catch (error) {
      // Refused attempts are logged for whoever investigates, never with their body (buyers' data).
      if (error instanceof UnauthorizedError) {
        logger.warn('webhook refused', {
          platform,
          storefrontId,
          topic: topicOf(headers),
          reason: error.message,
        });
      }
      throw error;
    }
  });
}

function lowerCaseHeaders(event: APIGatewayProxyEvent): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value ?? undefined]),
  );
}

function rawBodyOf(event: APIGatewayProxyEvent): Buffer {
  return Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
}

const topicOf = (headers: Record<string, string | undefined>) =>
  headers['x-shopify-topic'] ?? headers['x-wc-webhook-topic'];

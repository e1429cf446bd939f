import { buyerMailerFromConfig } from '../../shared/adapters/buyer-mailer-from-config';
import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoCustomerRepository } from '../../shared/adapters/dynamodb-customers';
import { makeDynamoOnceLog } from '../../shared/adapters/dynamodb-once-log';
import { makeDynamoOrderRepository } from '../../shared/adapters/dynamodb-orders';
import { makeDynamoTrackingTokens } from '../../shared/adapters/dynamodb-tracking-tokens';
import { loadConfig } from '../../shared/config';
import { eventHandler } from '../../shared/events/event-handler';
import { trackingPageUrls } from '../../shared/tracking-page/links';
import { withBuyerNotToldNoted } from '../../shared/use-cases/note-buyer-not-told';
import { makeNotifyBuyer } from '../../shared/use-cases/notify-buyer';
import * as z from '../../shared/zod-mini';

const config = loadConfig(
  z.object({
    ORDERS_TABLE: z.string().check(z.minLength(1)),
    CUSTOMERS_TABLE: z.string().check(z.minLength(1)),
    BUYER_MAIL_FROM: z.string().check(z.minLength(3)),
    BUYER_MAIL_FROM_CONFIGURATION_SET: z.string().check(z.minLength(1)),
    // Every buyer email links the order's tracking page, on the API.
    API_BASE_URL: z.url({ protocol: /^https?$/ }),
  }),
);
const db = dynamoDocumentClient();
const orders = makeDynamoOrderRepository(db, config.ORDERS_TABLE);
const once = makeDynamoOnceLog(db, config.ORDERS_TABLE, () => new Date());
const notifyBuyer = makeNotifyBuyer({
  orders,
  customers: makeDynamoCustomerRepository(db, config.CUSTOMERS_TABLE),
  // No email to a suppressed address; each one sent is in the customer's history.
  mailer: buyerMailerFromConfig(db, config),
  once,
  trackingTokens: makeDynamoTrackingTokens(db, config.ORDERS_TABLE),
  trackingUrls: trackingPageUrls(config.API_BASE_URL),
});

/** EventBridge target of `buyer-notifications`: one buyer email per change (types without one are skipped). */
// A refused (suppressed) email answers `suppressed`, noted on the order's timeline, and is not retried.
export const handler = eventHandler(
  'buyer notification',
  withBuyerNotToldNoted(notifyBuyer, { orders, once }),
);

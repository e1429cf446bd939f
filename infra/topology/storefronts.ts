import { apiFunction, keyed } from './function-specs';
import type { EventRuleSpec, FunctionSpec } from './types';

/**
 * Storefronts (the storefronts issue): their registry, the shop platforms' order webhooks, and the
 * consumer that turns a kept webhook into an order. Kept beside index.ts, as lifecycle.ts is.
 */

const api = keyed(apiFunction);

/** What a webhook receiver touches: the storefront (its secret), the inbox, and the bus. */
const receiverAccess: FunctionSpec['access'] = { tables: { access: 'read', inbox: 'write' }, bus: true };

export const storefrontFunctions: [string, FunctionSpec][] = [
  api(
    'create-storefront',
    'POST /storefronts: a storefront, its API key in the storefronts usage plan, its webhook secret',
    {
      tables: { access: 'readwrite', idempotency: 'readwrite' },
      usagePlanKeys: ['storefronts'],
    },
  ),
  api('get-storefront', 'GET /storefronts/{id}: a storefront without its secrets', {
    tables: { access: 'read' },
  }),
  api(
    'receive-shopify-webhook',
    'POST /webhooks/shopify/{storefrontId}: verifies and keeps a Shopify order webhook',
    receiverAccess,
  ),
  api(
    'receive-woocommerce-webhook',
    'POST /webhooks/woocommerce/{storefrontId}: verifies and keeps a WooCommerce order webhook',
    receiverAccess,
  ),
  [
    'apply-storefront-order',
    {
      name: 'apply-storefront-order',
      kind: 'event',
      entry: 'functions/events/apply-storefront-order.ts',
      description: 'Turns a kept shop-order webhook into an order, its payment or its cancellation',
      memoryMb: 256,
      timeoutSeconds: 20,
      access: {
        tables: { access: 'read', inbox: 'read', orders: 'readwrite', customers: 'readwrite' },
        bus: true,
        workflows: { orderLifecycle: ['start', 'callback'] },
      },
    },
  ],
];

export const storefrontRules: EventRuleSpec[] = [
  {
    name: 'storefront-orders',
    description: 'Shop-order webhooks, verified and kept, to be applied to their orders',
    pattern: { source: ['tradeflow.storefronts'], 'detail-type': ['StorefrontOrderReceived'] },
    // Retried like every consumer; a delivery that still fails is dead-lettered with its ids, and the
    // webhook itself stays in the inbox, so it can be applied again.
    targets: [{ function: 'apply-storefront-order', retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
  },
];

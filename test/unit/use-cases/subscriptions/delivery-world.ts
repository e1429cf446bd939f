import { makeInMemoryOnceLog, makeRecordingMailer } from '../../../../shared/adapters/in-memory/side-effects';
import { makeInMemorySubscriptionRepository } from '../../../../shared/adapters/in-memory/subscriptions';
import type { Department, Subscription } from '../../../../shared/domain/subscription';
import { consoleOrderUrl } from '../../../../shared/http/console-links';
import { WebhookDeliveryError, type WebhookSender } from '../../../../shared/ports/webhook-sender';
import { makeDeliverToSubscriptions } from '../../../../shared/use-cases/deliver-to-subscriptions';
import { makeNotifyDepartment } from '../../../../shared/use-cases/notify-department';
import { CUSTOMER_ID, ORDER_ID } from '../notifications/world';

/** Subscription delivery with in-memory ports: subscriptions, a recording mailer and webhook sender. */

export const NOW = new Date('2026-11-27T12:31:00.000Z');
/** The staff console's address (staff emails link its pages). */
export const CONSOLE = 'https://console.tradeflow.example.com/';

export function subscription(overrides: Partial<Subscription> = {}): Subscription {
  return {
    subscriptionId: 'sub_01JSUBSCRIPTION00000000001',
    department: 'finance',
    name: 'Finance desk',
    emails: ['desk@example.com'],
    filters: {},
    enabled: true,
    version: 1,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    createdBy: { kind: 'staff', id: 'admin-1', role: 'admin' },
    ...overrides,
  };
}

export interface Post {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** Records every post; a URL in `failing` fails that many more times (Infinity: always). */
export function makeRecordingWebhooks(failing: Record<string, number> = {}) {
  const posts: Post[] = [];
  const attempts: Post[] = [];
  const sender: WebhookSender = {
    async post(url, body, headers) {
      attempts.push({ url, body, headers });
      if ((failing[url] ?? 0) > 0) {
        failing[url]--;
        throw new WebhookDeliveryError('the receiver answered HTTP 503');
      }
      posts.push({ url, body, headers });
    },
  };
  return Object.assign(sender, { posts, attempts });
}

export function deliveryWorld(
  options: {
    department?: Department;
    subscriptions?: Subscription[];
    failing?: Record<string, number>;
    order?: { customerId: string; country?: string };
  } = {},
) {
  const department = options.department ?? 'finance';
  const subscriptions = makeInMemorySubscriptionRepository(options.subscriptions ?? []);
  const mailer = makeRecordingMailer();
  const once = makeInMemoryOnceLog();
  const webhooks = makeRecordingWebhooks(options.failing);
  const orderUrl = consoleOrderUrl(CONSOLE);
  const orderFactReads: string[] = [];
  const notify = makeNotifyDepartment({
    department,
    to: `${department}@tradeflow.example.com`,
    mailer,
    once,
    orderUrl,
    subscriptions: makeDeliverToSubscriptions({
      department,
      subscriptions,
      orderFacts: {
        async get(orderId) {
          orderFactReads.push(orderId);
          return orderId === ORDER_ID
            ? (options.order ?? { customerId: CUSTOMER_ID, country: 'DE' })
            : undefined;
        },
      },
      mailer,
      webhooks,
      once,
      clock: { now: () => NOW },
      orderUrl,
    }),
  });
  return { notify, subscriptions, mailer, once, webhooks, orderFactReads };
}

import { STAFF_ROLES } from '../../shared/domain/staff-roles';
import type { EventRuleSpec, FunctionSpec, LiveFeedSpec, TableSpec } from './types';

/**
 * The live feed (issue 6): staff see the bus's domain events as they happen. Declared here once;
 * infra/aws/live-feed.ts builds the WebSocket API around these functions, and infra/local/feed serves
 * the same functions as Server-Sent Events.
 */

export const liveFeed: LiveFeedSpec = {
  name: 'tradeflow-live-feed',
  stage: 'live',
  tokenParameter: 'token',
  roles: STAFF_ROLES,
  authorizer: 'authorize-feed',
  connect: 'connect-feed',
  disconnect: 'disconnect-feed',
  fanOut: 'fan-out-feed',
  rule: 'live-feed',
  connectionsTable: 'connections',
  endpointEnvVar: 'FEED_ENDPOINT',
};

export const liveFeedTables: Record<string, TableSpec> = {
  // One item per open connection with its filters; TTL drops those whose $disconnect never came.
  connections: {
    name: 'connections',
    envVar: 'CONNECTIONS_TABLE',
    partitionKey: { name: 'connectionId', type: 'S' },
    indexes: [],
    timeToLiveAttribute: 'expiresAt',
  },
};

const fn = (spec: FunctionSpec): [string, FunctionSpec] => [spec.name, spec];

export const liveFeedFunctions: [string, FunctionSpec][] = [
  fn({
    name: liveFeed.authorizer,
    kind: 'authorizer',
    entry: 'functions/api/authorize-feed.ts',
    description: 'Live feed $connect authorizer: a staff sign-in token in the query string',
    memoryMb: 256,
    timeoutSeconds: 5,
    access: { staffSignIn: true },
  }),
  fn({
    name: liveFeed.connect,
    kind: 'api',
    entry: 'functions/api/connect-feed.ts',
    description: 'Live feed $connect: keeps the connection with its filters (departments, types)',
    memoryMb: 256,
    timeoutSeconds: 5,
    access: { tables: { connections: 'write' } },
  }),
  fn({
    name: liveFeed.disconnect,
    kind: 'api',
    entry: 'functions/api/disconnect-feed.ts',
    description: 'Live feed $disconnect: forgets the connection',
    memoryMb: 256,
    timeoutSeconds: 5,
    access: { tables: { connections: 'write' } },
  }),
  fn({
    name: liveFeed.fanOut,
    kind: 'event',
    entry: 'functions/events/fan-out-feed.ts',
    description: 'Sends each domain event to the live feed connections whose filters match',
    memoryMb: 256,
    timeoutSeconds: 20,
    // Plus execute-api:ManageConnections on the feed's stage and its endpoint (infra/aws/live-feed.ts).
    access: { tables: { connections: 'readwrite' } },
  }),
];

export const liveFeedRules: EventRuleSpec[] = [
  {
    name: liveFeed.rule,
    description: 'Every domain event, to the staff watching the live feed',
    pattern: { source: [{ prefix: 'tradeflow.' }] },
    // Late is better than lost: a watcher would miss the change, and every dead letter is someone's
    // to look into. With 2 retries, the reliability suite's 20% transient faults dead-lettered ~1 in
    // 100 feed deliveries; 8 retries (the other consumers' policy) within 15 minutes do not.
    targets: [{ function: liveFeed.fanOut, retryAttempts: 8, maximumEventAgeSeconds: 900 }],
  },
];

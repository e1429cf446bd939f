/**
 * The shape of the one description of the system. `infra/topology/index.ts` fills it in; `infra/aws`
 * (CDK) and `infra/local` (the embedded runtime) are both built from it, so nothing is declared twice.
 * Everything here is plain data: no CDK, no SDK.
 */

import type { StaffRole } from '../../shared/domain/staff-roles';

export { STAFF_ROLES, type StaffRole } from '../../shared/domain/staff-roles';

export type AttributeType = 'S' | 'N';
export interface KeySpec {
  name: string;
  type: AttributeType;
}

export interface IndexSpec {
  name: string;
  partitionKey: KeySpec;
  sortKey?: KeySpec;
  /**
   * ALL copies the item; KEYS_ONLY keeps the index small when the reader fetches the item anyway;
   * `{ include }` copies only those attributes (every write that changes one of them writes the index).
   */
  projection: 'ALL' | 'KEYS_ONLY' | { include: string[] };
}

export interface TableSpec {
  /** Logical name: the key of the table in `Topology.tables`. */
  name: string;
  /** The environment variable that carries the physical table name to functions that use it. */
  envVar: string;
  partitionKey: KeySpec;
  sortKey?: KeySpec;
  indexes: IndexSpec[];
  /** A number attribute (epoch seconds) after which DynamoDB deletes the item (TTL; not locally). */
  timeToLiveAttribute?: string;
}

export interface BucketSpec {
  name: string;
  envVar: string;
}

export interface EmailIdentitySpec {
  name: string;
  /** The sender address; its domain is the identity verified in SES. */
  fromAddress: string;
  envVar: string;
  /** Configuration set name (event destinations for bounces and complaints hang off it). */
  configurationSet: string;
  /**
   * The configuration set's event destination: which of SES' email events it publishes, on the
   * default EventBridge bus (the only bus SES publishes to); a rule there (`bus: 'default'`) takes
   * them. Locally the SES part publishes the mailbox simulator's events the same way.
   */
  feedback?: { events: SesFeedbackEvent[] };
}

/** SES event types (EventDestination.MatchingEventTypes) a configuration set may publish. */
export type SesFeedbackEvent = 'BOUNCE' | 'COMPLAINT' | 'DELIVERY_DELAY';

export interface EventBusSpec {
  name: string;
  envVar: string;
}

/** What a function may do with a resource: each maps to a least-privilege IAM grant on AWS. */
export type TableAccess = 'read' | 'write' | 'readwrite';
export type BucketAccess = 'read' | 'write' | 'readwrite';
export type WorkflowAccess = 'start' | 'callback' | 'read';

export interface FunctionAccess {
  tables?: Record<string, TableAccess>;
  buckets?: Record<string, BucketAccess>;
  /** Put events on the bus. */
  bus?: boolean;
  workflows?: Record<string, WorkflowAccess[]>;
  /** Email identities it may send from. */
  email?: string[];
  /** Verifies staff sign-in tokens: gets the user pool, its client and the staff usage key. */
  staffSignIn?: boolean;
  /**
   * Usage plans (of `api.usagePlans`, by name) it may add new API keys to: it gets the plan's
   * name in `<NAME>_USAGE_PLAN` and finds the plan by it (its id would make a deploy-time cycle).
   */
  usagePlanKeys?: string[];
  /** Links to the API (the buyer's tracking page, a quote's acceptance): its base URL in `API_BASE_URL`. */
  apiUrl?: boolean;
  /** Links to the staff console's pages (staff emails): its address in `CONSOLE_URL`. */
  consoleUrl?: boolean;
}

export type FunctionKind = 'api' | 'authorizer' | 'step' | 'event' | 'schedule';

export interface FunctionSpec {
  /** Logical name, kebab-case; also the local invoker's function name. */
  name: string;
  kind: FunctionKind;
  /** Entry file from the repository root; it exports `handler`. */
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  /** Plain settings; resource names are added from `access`. */
  environment?: Record<string, string>;
  access: FunctionAccess;
}

/**
 * Who may call a route. `storefront`: an API key; `staff`: a staff token with one of the roles;
 * `webhook`: a shop platform's signed webhook, with no API key or authorizer in front (the handler
 * verifies the signature over the raw body, with the storefront's secret); `link`: below.
 */
export interface RouteCallers {
  storefront?: boolean;
  staff?: readonly StaffRole[];
  webhook?: 'shopify' | 'woocommerce';
  /**
   * Anyone holding an unguessable link (a buyer's tracking page, a quote's acceptance link): no API
   * key or authorizer; the handler checks the link's token and shows nothing beyond what it opens.
   * The words say what the link opens, for the API docs and the cdk-nag justification.
   */
  link?: string;
}

/** A route with no API key or authorizer in front: a shop's signed webhook, or an unguessable link. */
export const isOpenRoute = (callers: RouteCallers): boolean => Boolean(callers.webhook || callers.link);

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec {
  method: HttpMethod;
  /** API Gateway resource path, e.g. `/orders/{id}`. */
  path: string;
  function: string;
  callers: RouteCallers;
  /** A JSON Schema (draft 4) of the body, checked by API Gateway's request validator as well. */
  bodySchema?: Record<string, unknown>;
}

/** An EventBridge event pattern (content filtering), as JSON. */
export type EventPattern = Record<string, unknown>;

export interface RuleTarget {
  function: string;
  /** EventBridge retry policy: attempts after the first, and how long an event may keep trying. */
  retryAttempts: number;
  maximumEventAgeSeconds: number;
}

export interface EventRuleSpec {
  name: string;
  description: string;
  /**
   * The bus it is on: the system's own (absent), or `default`, where AWS services put their events
   * (SES' email events: see EmailIdentitySpec.feedback).
   */
  bus?: 'default';
  pattern: EventPattern;
  targets: RuleTarget[];
}

export interface ScheduleSpec {
  name: string;
  description: string;
  /** EventBridge Scheduler expression: `rate(15 minutes)` or `cron(...)`. */
  expression: string;
  function: string;
  input?: Record<string, unknown>;
  /** Retries of a failed run (after the first), within how long; then its dead letters. */
  retryAttempts: number;
  maximumEventAgeSeconds: number;
}

/** What a `${Placeholder}` in an ASL file stands for. */
export type Substitution =
  | { kind: 'functionArn'; function: string }
  | { kind: 'tableName'; table: string }
  | { kind: 'busName' }
  | { kind: 'value'; value: string };

export interface WorkflowSpec {
  name: string;
  envVar: string;
  /** ASL file (JSONPath) from the repository root. */
  definitionFile: string;
  substitutions: Record<string, Substitution>;
}

export interface AuthorizerSpec {
  function: string;
  /**
   * Request headers that identify the caller: API Gateway's identity sources
   * (`method.request.header.<name>`). When any is declared, a request missing one of them (or with it
   * empty) gets 401 without the authorizer running, and their values key the results cache. Required
   * for caching (`resultsTtlSeconds > 0`); with none, every request runs the authorizer.
   */
  identitySources: string[];
  /**
   * How long API Gateway (and the local adapter, by the wall clock) keeps the authorizer's answer
   * (policy, context, usage key; a Deny too) per identity-source values: 0 (no cache) to 3600. A
   * disabled credential keeps working until its cached answer expires.
   */
  resultsTtlSeconds: number;
}

export interface UsagePlanSpec {
  name: string;
  description: string;
  rateLimit: number;
  burstLimit: number;
}

/** API Gateway's own answers (no function runs), rewritten to the API's error shape. */
export interface GatewayResponseSpec {
  type:
    | 'UNAUTHORIZED'
    | 'ACCESS_DENIED'
    | 'INVALID_API_KEY'
    | 'MISSING_AUTHENTICATION_TOKEN'
    | 'BAD_REQUEST_BODY'
    | 'THROTTLED'
    | 'DEFAULT_5XX';
  statusCode: number;
  code: string;
  message: string;
}

/**
 * Staff sign-in: a Cognito user pool on AWS, signed dev tokens locally. One group per staff role
 * (`STAFF_ROLES`), named as the role; a token's `cognito:groups` claim says who may call what.
 */
export interface StaffSignInSpec {
  name: string;
  /** The usage plan (of `api.usagePlans`) every staff member is metered under, with one shared key. */
  usagePlan: string;
  /** Variables carrying the pool id, the client id, the staff usage key and (locally only) the JWKS. */
  envVars: { userPoolId: string; clientId: string; usageKey: string; jwks: string };
}

export interface ApiSpec {
  name: string;
  stage: string;
  authorizer: AuthorizerSpec;
  usagePlans: UsagePlanSpec[];
  gatewayResponses: GatewayResponseSpec[];
  routes: RouteSpec[];
  /**
   * Response types API Gateway passes as binary (a handler answers them base64 with isBase64Encoded)
   * when the request's Accept names one; e.g. the trade documents' PDFs.
   */
  binaryMediaTypes?: string[];
}

/**
 * The live feed: staff watch the bus's events as they happen. On AWS a WebSocket API (`$connect`
 * authorized by a staff token in the query string, connections kept in a table) that a rule's
 * target fans out to; locally a Server-Sent Events server in its place (infra/local/feed).
 */
export interface LiveFeedSpec {
  /** The WebSocket API's name, and its stage (the management endpoint's path too). */
  name: string;
  stage: string;
  /** The query-string parameter that carries the staff token at connect (the authorizer's identity source). */
  tokenParameter: string;
  /** Staff roles that may connect. */
  roles: readonly StaffRole[];
  /** Functions: the `$connect` authorizer, the `$connect` and `$disconnect` routes, the fan-out. */
  authorizer: string;
  connect: string;
  disconnect: string;
  fanOut: string;
  /** The rule whose target `fanOut` is: what staff see. */
  rule: string;
  connectionsTable: string;
  /** The variable carrying the management endpoint (`https://…/<stage>`) to the fan-out function. */
  endpointEnvVar: string;
}

export interface Topology {
  service: string;
  tables: Record<string, TableSpec>;
  buckets: Record<string, BucketSpec>;
  emailIdentities: Record<string, EmailIdentitySpec>;
  bus: EventBusSpec;
  functions: Record<string, FunctionSpec>;
  api: ApiSpec;
  staffSignIn: StaffSignInSpec;
  rules: EventRuleSpec[];
  schedules: ScheduleSpec[];
  workflows: Record<string, WorkflowSpec>;
  liveFeed?: LiveFeedSpec;
}

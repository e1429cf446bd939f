import { BUYER_EMAIL_TYPES } from '../../shared/email/buyer-catalog';
import {
  crmInsightFunctions,
  crmInsightRules,
  crmInsightSchedules,
  customerSegmentsIndex,
} from './crm-insights';
import { customerProfileFunctions, customerProfileRules, customersByEmailIndex } from './customer-profiles';
import { documentFunctions } from './documents';
import {
  BUYER_MAIL_CONFIGURATION_SET,
  buyerMailFeedback,
  emailFeedbackFunctions,
  emailFeedbackRules,
} from './email-feedback';
import {
  escalationFunctions,
  escalationRules,
  escalationSchedules,
  escalationTables,
  openWaitsIndex,
} from './escalations';
import { financeFunctions, financeTables, openReceivablesIndex } from './finance';
import { inquiryFunctions, inquiryRules, inquiryTables } from './inquiries';
import { departmentRules, lifecycleFunctions } from './lifecycle';
import { liveFeed, liveFeedFunctions, liveFeedRules, liveFeedTables } from './live-feed';
import { withGatewayBodySchemas } from './openapi-gateway';
import { procurementFunctions, procurementRules, procurementTables } from './procurement';
import { quoteFunctions, quoteSchedules, quoteTables } from './quotes';
import { routes } from './routes';
import { staffFunctions, staffRules, staffTables } from './staff';
import { storefrontFunctions, storefrontRules } from './storefronts';
import { subscriptionFunctions, subscriptionTables } from './subscriptions';
import { trackingPageFunctions } from './tracking-page';
import type { FunctionSpec, Topology } from './types';

/**
 * tradeflow, described once. infra/aws builds the CDK app from this and infra/local the embedded
 * runtime; test/infra/agreement.test.ts proves both contain exactly what is declared here.
 */

const fn = (spec: FunctionSpec): [string, FunctionSpec] => [spec.name, spec];

export const topology: Topology = {
  service: 'tradeflow',

  tables: {
    orders: {
      name: 'orders',
      envVar: 'ORDERS_TABLE',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [
        {
          name: 'byStatus',
          partitionKey: { name: 'status', type: 'S' },
          sortKey: { name: 'updatedAt', type: 'S' },
          projection: { include: ['summary'] },
        },
        {
          name: 'byCustomer',
          partitionKey: { name: 'customerId', type: 'S' },
          sortKey: { name: 'createdAt', type: 'S' },
          projection: { include: ['summary'] },
        },
        // Sparse: only orders with a shop's order id. `placedBy` lets a storefront see only its own.
        {
          name: 'byExternalRef',
          partitionKey: { name: 'externalRef', type: 'S' },
          sortKey: { name: 'createdAt', type: 'S' },
          projection: { include: ['summary', 'placedBy'] },
        },
        openWaitsIndex,
        openReceivablesIndex,
      ],
    },
    customers: {
      name: 'customers',
      envVar: 'CUSTOMERS_TABLE',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [customersByEmailIndex, customerSegmentsIndex],
    },
    inventory: {
      name: 'inventory',
      envVar: 'INVENTORY_TABLE',
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: [
        // Sparse: only stock items carry its keys; GET /inventory lists every sku's stock from it
        // (below a reorder point first). shared/adapters/dynamodb-stock-overview.ts.
        {
          name: 'stockOverview',
          partitionKey: { name: 'stockList', type: 'S' },
          sortKey: { name: 'stockRank', type: 'S' },
          projection: 'ALL',
        },
      ],
    },
    idempotency: {
      name: 'idempotency',
      envVar: 'IDEMPOTENCY_TABLE',
      partitionKey: { name: 'id', type: 'S' },
      indexes: [],
    },
    access: {
      name: 'access',
      envVar: 'ACCESS_TABLE',
      partitionKey: { name: 'pk', type: 'S' },
      indexes: [],
    },
    // Shop webhooks as received (verified), by storefront and delivery id: the record of what each
    // shop said, and what makes a redelivery a duplicate.
    inbox: {
      name: 'inbox',
      envVar: 'INBOX_TABLE',
      partitionKey: { name: 'pk', type: 'S' },
      indexes: [],
    },
    ...liveFeedTables,
    ...subscriptionTables,
    ...escalationTables,
    ...quoteTables,
    ...procurementTables,
    ...financeTables,
    ...inquiryTables,
    ...staffTables,
  },

  buckets: {
    documents: { name: 'documents', envVar: 'DOCUMENTS_BUCKET' },
  },

  emailIdentities: {
    buyerMail: {
      name: 'buyerMail',
      fromAddress: 'orders@tradeflow.example.com',
      envVar: 'BUYER_MAIL_FROM',
      configurationSet: BUYER_MAIL_CONFIGURATION_SET,
      // Bounces and complaints, to handle-email-feedback (infra/topology/email-feedback.ts).
      feedback: buyerMailFeedback,
    },
  },

  bus: { name: 'tradeflow', envVar: 'EVENT_BUS_NAME' },

  functions: Object.fromEntries([
    fn({
      name: 'authorize-request',
      kind: 'authorizer',
      entry: 'functions/api/authorize-request.ts',
      description:
        'API Gateway REQUEST authorizer: storefront API keys and staff sign-in tokens, with route permissions',
      memoryMb: 256,
      timeoutSeconds: 5,
      // Storefront keys are looked up in the access table; staff tokens are verified JWTs (no read).
      access: { tables: { access: 'read' }, staffSignIn: true },
    }),
    fn({
      name: 'create-customer',
      kind: 'api',
      entry: 'functions/api/create-customer.ts',
      description: 'POST /customers',
      memoryMb: 256,
      timeoutSeconds: 10,
      access: { tables: { customers: 'write', idempotency: 'readwrite' } },
    }),
    fn({
      name: 'create-order',
      kind: 'api',
      entry: 'functions/api/create-order.ts',
      description: 'POST /orders: stores the order and starts its workflow',
      memoryMb: 256,
      timeoutSeconds: 10,
      access: {
        tables: { orders: 'readwrite', customers: 'read', idempotency: 'readwrite' },
        workflows: { orderLifecycle: ['start'] },
      },
    }),
    fn({
      name: 'get-order',
      kind: 'api',
      entry: 'functions/api/get-order.ts',
      description: 'GET /orders/{id}',
      memoryMb: 256,
      timeoutSeconds: 10,
      access: { tables: { orders: 'read' } },
    }),
    fn({
      name: 'mark-order-failed',
      kind: 'step',
      entry: 'functions/steps/mark-order-failed.ts',
      description:
        'Workflow catch-all: records the failure on the order so it is visible, and raises OrderStalled',
      memoryMb: 256,
      timeoutSeconds: 15,
      access: { tables: { orders: 'readwrite' }, bus: true },
    }),
    fn({
      name: 'notify-buyer',
      kind: 'event',
      entry: 'functions/events/notify-buyer.ts',
      description: 'Emails the buyer about changes to their order, once per change',
      memoryMb: 256,
      timeoutSeconds: 20,
      // customers: suppressed addresses are read, and each email is recorded in the history.
      // orders: also each order's tracking-page token; the API's URL: every email links the tracking
      // page, the shipment email the commercial invoice and packing list through it.
      access: {
        tables: { orders: 'readwrite', customers: 'readwrite' },
        email: ['buyerMail'],
        apiUrl: true,
      },
    }),
    fn({
      name: 'sweep-stalled-orders',
      kind: 'schedule',
      entry: 'functions/schedules/sweep-stalled-orders.ts',
      description: 'Finds received orders whose workflow never ran, restarts it and raises OrderStalled',
      memoryMb: 256,
      timeoutSeconds: 60,
      environment: { STALLED_AFTER_MINUTES: '15' },
      access: { tables: { orders: 'readwrite' }, bus: true, workflows: { orderLifecycle: ['start'] } },
    }),
    ...lifecycleFunctions,
    ...documentFunctions,
    ...storefrontFunctions,
    ...liveFeedFunctions,
    ...subscriptionFunctions,
    ...escalationFunctions,
    ...quoteFunctions,
    ...procurementFunctions,
    ...crmInsightFunctions,
    ...financeFunctions,
    ...trackingPageFunctions,
    ...inquiryFunctions,
    ...customerProfileFunctions,
    ...emailFeedbackFunctions,
    ...staffFunctions,
  ]),

  api: {
    name: 'tradeflow-api',
    stage: 'v1',
    // The trade documents' PDFs (GET /orders/{id}/documents/{kind} with `Accept: application/pdf`).
    binaryMediaTypes: ['application/pdf'],
    // Not cached: storefronts send `x-api-key` and staff `Authorization`, never both, and API Gateway
    // answers 401 to a request missing any declared identity source. Caching (e.g. `['Authorization']`,
    // 300 s) needs one header every caller sends; see BENCHMARKS.md, API latency.
    authorizer: { function: 'authorize-request', identitySources: [], resultsTtlSeconds: 0 },
    usagePlans: [
      { name: 'storefronts', description: 'Storefront API keys', rateLimit: 50, burstLimit: 100 },
      // Every staff token shares this one key: the whole team (and its tools polling orders) draws on it.
      { name: 'staff', description: 'Staff tokens (one shared usage key)', rateLimit: 200, burstLimit: 400 },
    ],
    gatewayResponses: [
      {
        type: 'UNAUTHORIZED',
        statusCode: 401,
        code: 'UNAUTHORIZED',
        message: 'Send an x-api-key header (storefronts) or an Authorization: Bearer staff token',
      },
      {
        type: 'ACCESS_DENIED',
        statusCode: 403,
        code: 'FORBIDDEN',
        message:
          'Send a valid x-api-key (storefronts) or Authorization: Bearer token (staff) that may call this route',
      },
      {
        type: 'INVALID_API_KEY',
        statusCode: 403,
        code: 'FORBIDDEN',
        message: 'The API key is missing, unknown or disabled',
      },
      { type: 'MISSING_AUTHENTICATION_TOKEN', statusCode: 404, code: 'NOT_FOUND', message: 'No such route' },
      {
        type: 'BAD_REQUEST_BODY',
        statusCode: 400,
        code: 'INVALID_INPUT',
        // On AWS, followed by the body validator's words (infra/aws/api-policies.ts).
        message: 'The request body is invalid',
      },
      {
        type: 'THROTTLED',
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: 'Too many requests; slow down and retry',
      },
      { type: 'DEFAULT_5XX', statusCode: 500, code: 'INTERNAL', message: 'Something went wrong on our side' },
    ],
    // Each body also checked by API Gateway, with a draft-4 model from the handler's zod schema.
    routes: withGatewayBodySchemas(routes),
  },

  // A Cognito user pool on AWS, signed dev tokens locally (infra/local/credentials.ts).
  staffSignIn: {
    name: 'staff',
    usagePlan: 'staff',
    envVars: {
      userPoolId: 'STAFF_USER_POOL_ID',
      clientId: 'STAFF_CLIENT_ID',
      usageKey: 'STAFF_USAGE_KEY',
      jwks: 'STAFF_JWKS',
    },
  },

  rules: [
    {
      name: 'buyer-notifications',
      description: 'Order changes a buyer is told about by email',
      pattern: {
        source: [{ prefix: 'tradeflow.' }],
        'detail-type': [...BUYER_EMAIL_TYPES],
      },
      targets: [{ function: 'notify-buyer', retryAttempts: 8, maximumEventAgeSeconds: 3600 }],
    },
    ...departmentRules,
    ...storefrontRules,
    ...liveFeedRules,
    ...escalationRules,
    ...procurementRules,
    ...crmInsightRules,
    ...inquiryRules,
    ...customerProfileRules,
    ...emailFeedbackRules,
    ...staffRules,
  ],

  schedules: [
    {
      name: 'sweep-stalled-orders',
      description:
        'Every 15 minutes: orders that never left RECEIVED get their workflow restarted and are raised',
      expression: 'rate(15 minutes)',
      function: 'sweep-stalled-orders',
      // A missed sweep is made up by the next one: retry briefly, then dead-letter.
      retryAttempts: 3,
      maximumEventAgeSeconds: 300,
    },
    ...escalationSchedules,
    ...quoteSchedules,
    ...crmInsightSchedules,
  ],

  workflows: {
    orderLifecycle: {
      name: 'orderLifecycle',
      envVar: 'ORDER_WORKFLOW_ARN',
      definitionFile: 'workflows/order-lifecycle.asl.json',
      substitutions: {
        ScreenOrderFunctionArn: { kind: 'functionArn', function: 'screen-order' },
        MarkOrderFailedFunctionArn: { kind: 'functionArn', function: 'mark-order-failed' },
        ConfirmOrderFunctionArn: { kind: 'functionArn', function: 'confirm-order' },
        AllocateStockFunctionArn: { kind: 'functionArn', function: 'allocate-stock' },
        BeginWaitFunctionArn: { kind: 'functionArn', function: 'begin-wait' },
        EscalateWaitFunctionArn: { kind: 'functionArn', function: 'escalate-wait' },
        DispatchStockFunctionArn: { kind: 'functionArn', function: 'dispatch-stock' },
        AdvanceOrderFunctionArn: { kind: 'functionArn', function: 'advance-order' },
        CompensateOrderFunctionArn: { kind: 'functionArn', function: 'compensate-order' },
        IssueDocumentsFunctionArn: { kind: 'functionArn', function: 'issue-documents' },
      },
    },
  },

  liveFeed,
};

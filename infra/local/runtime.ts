import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { makeDynamoCredentialStore } from '../../shared/adapters/dynamodb-credentials';
import { buildConsole } from '../console/build-console';
import { topology } from '../topology';
import {
  functionEnvironment,
  identityDomain,
  type ResourceNames,
  substitutionValues,
  usagePlanName,
} from '../topology/environment';
import type { StaffRole, Topology } from '../topology/types';
import { type LocalAdmin, startLocalAdmin } from './admin/admin-server';
import { type LocalApiGateway, startLocalApiGateway } from './api-gateway/api-gateway';
import { ApiKeyRegistry } from './api-gateway/api-key-registry';
import { startLocalApiGatewayManagement } from './api-gateway/management-api';
import { UsagePlans } from './api-gateway/usage-plans';
import { type ChaosOptions, describeChaos } from './chaos/chaos-options';
import { InvocationChaos, type InvocationSource } from './chaos/invocation-chaos';
import { CONSOLE_PATH, localConsole } from './console/console-site';
import { loadLocalSecrets, localApiKeys, seedLocalCredentials } from './credentials';
import { ensureTables, type LocalDynamoDB, startLocalDynamoDB } from './dynamodb/local-dynamodb';
import { type LocalEventBridge, startLocalEventBridge } from './eventbridge/eventbridge-server';
import { type LocalFeed, startLocalFeed } from './feed/feed-server';
import { REPO_ROOT } from './lambda/build-functions';
import { cachedFunctionBundles } from './lambda/function-cache';
import { LocalLambda } from './lambda/invoker';
import {
  LOCAL_ACCOUNT_ID,
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  localClientConfig,
  localNames,
} from './local-aws';
import { type LocalS3, startLocalS3 } from './s3/local-s3';
import { LocalScheduler } from './scheduler/local-scheduler';
import { localSesFeedback } from './ses/feedback-bus';
import { type LocalSes, startLocalSes } from './ses/local-ses';
import { type LocalSettings, partPort } from './settings';
import { devStaffTokens, loadStaffSigningKey, localStaffSignIn } from './staff-sign-in';
import { type LocalStepFunctions, startLocalStepFunctions } from './stepfunctions/sfn-server';

// Development runs on Node 20 (Lambda runs 22): the SDK's notice about that is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** What `<data dir>/local.json` holds (DESIGN.md, the core API contract). */
export interface LocalInfo {
  apiUrl: string;
  apiKey: string;
  /** A signed dev access token per role, as the staff user pool would issue (re-issued each start). */
  staffTokens: Record<StaffRole, string>;
  sesUrl: string;
  adminUrl: string;
  /** The staff console (served on the API's address, at /console/). */
  consoleUrl?: string;
  /** The live feed (Server-Sent Events), when the topology has one. */
  feedUrl?: string;
  endpoints: {
    dynamodb: string;
    sfn: string;
    eventbridge: string;
    sesv2: string;
    s3: string;
    apigateway: string;
  };
}

export interface LocalRuntime {
  info: LocalInfo;
  settings: LocalSettings;
  dynamodb: LocalDynamoDB;
  sfn: LocalStepFunctions;
  eventbridge: LocalEventBridge;
  ses: LocalSes;
  s3: LocalS3;
  lambda: LocalLambda;
  api: LocalApiGateway;
  scheduler: LocalScheduler;
  admin: LocalAdmin;
  feed?: LocalFeed;
  /** What chaos mode did, when it is on (StartOptions.chaos or the TRADEFLOW_CHAOS_* settings). */
  chaos?: InvocationChaos;
  /** Milliseconds from the call to everything answering. */
  readyMs: number;
  /** Resolves when no event delivery is pending (executions may still be waiting). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  /** Progress lines for long work (bundling, first boot); silent when absent. */
  progress?: (line: string) => void;
  /** Start the schedules' timers (off in tests, which fire schedules by hand). */
  timers?: boolean;
  /**
   * Load every function's sandbox in the background once ready, so first requests are fast (on for
   * `npm start`; off in tests, where only the functions a test uses should pay a cold start).
   */
  warm?: boolean;
  topology?: Topology;
  /** Duplicate or failing invocations, for the reliability suite (overrides `settings.chaos`). */
  chaos?: ChaosOptions;
}

/**
 * The whole system on one machine: every part of the topology on a local server that speaks its AWS
 * wire protocol, and every function in its own sandbox with the environment it has on AWS.
 */
export async function startLocalRuntime(
  settings: LocalSettings,
  options: StartOptions = {},
): Promise<LocalRuntime> {
  const started = performance.now();
  const spec = options.topology ?? topology;
  const progress = options.progress ?? (() => undefined);
  const { host, dataDir, timeScale } = settings;
  for (const dir of ['dynamodb', 's3', 'sfn', 'eventbridge', 'ses', 'logs'])
    mkdirSync(join(dataDir, dir), { recursive: true });

  progress('bundling functions');
  const bundling = cachedFunctionBundles(Object.values(spec.functions));
  // The staff console, bundled in memory meanwhile (served at /console/; nothing is written).
  const consoleFiles = buildConsole();
  consoleFiles.catch(() => undefined);
  let devTokens: Record<StaffRole, string> | undefined;

  const secrets = loadLocalSecrets(dataDir, settings.apiKey);
  const staffSigningKey = loadStaffSigningKey(dataDir);
  let localApiUrl = '';
  // The console is served by the API's server (infra/local/console/console-site.ts).
  const consoleUrl = () => `${localApiUrl.replace(/\/+$/, '')}${CONSOLE_PATH}/`;
  const names: ResourceNames = {
    apiUrl: () => localApiUrl,
    consoleUrl,
    table: localNames.table,
    bucket: localNames.bucket,
    busName: () => spec.bus.name,
    workflowArn: localNames.workflowArn,
    staffSignIn: () => localStaffSignIn(staffSigningKey, secrets.staffUsageKey),
  };
  const closers: Closers = {};
  try {
    progress('starting DynamoDB (dynalite), SES, S3');
    const scope = { region: LOCAL_REGION, accountId: LOCAL_ACCOUNT_ID, credentials: LOCAL_CREDENTIALS };
    const sesFeedback = localSesFeedback(spec, scope);
    const [dynamodb, ses, s3] = await Promise.all([
      startLocalDynamoDB({ host, port: partPort(settings, 'dynamodb'), path: join(dataDir, 'dynamodb') }),
      startLocalSes({
        host,
        port: partPort(settings, 'ses'),
        identities: Object.values(spec.emailIdentities).map((identity) =>
          identityDomain(identity.fromAddress),
        ),
        journalFile: join(dataDir, 'ses', 'sent.jsonl'),
        // Configuration sets' event destinations: the mailbox simulator's bounces and complaints.
        feedback: sesFeedback.feedback,
      }),
      startLocalS3({
        host,
        port: partPort(settings, 's3'),
        directory: join(dataDir, 's3'),
        buckets: Object.keys(spec.buckets).map(localNames.bucket),
      }),
    ]);
    Object.assign(closers, { dynamodb: dynamodb.close, ses: ses.close, s3: s3.close });

    await ensureTables(
      dynamodb.url,
      Object.values(spec.tables).map((table) => ({ spec: table, physicalName: names.table(table.name) })),
      { rebuildDir: join(dataDir, 'dynamodb-rebuild'), progress },
    );
    const db = DynamoDBDocumentClient.from(new DynamoDBClient(localClientConfig(dynamodb.url)));
    await seedLocalCredentials(makeDynamoCredentialStore(db, names.table('access')), secrets);
    db.destroy();

    // The functions are created last (their environment needs every endpoint) but the servers below
    // may call them at once, e.g. an execution resumed after a restart: calls wait until they exist.
    let functionsLoaded: (lambda: LocalLambda) => void = () => undefined;
    const functionsReady = new Promise<LocalLambda>((resolve) => {
      functionsLoaded = resolve;
    });
    const invoke = async (name: string, event: unknown) => (await functionsReady).invoke(name, event);
    const chaosOptions = options.chaos ?? settings.chaos;
    const chaos = chaosOptions ? new InvocationChaos(chaosOptions) : undefined;
    if (chaosOptions) progress(describeChaos(chaosOptions));
    const invokeFor = (source: InvocationSource) => (chaos ? chaos.wrap(source, invoke) : invoke);

    // The live feed runs the topology's feed functions, and the fan-out posts to it (its URL).
    const feed = spec.liveFeed
      ? await startLocalFeed({
          host,
          port: partPort(settings, 'feed'),
          spec: spec.liveFeed,
          invoke: invokeFor('api'),
          context: { apiId: 'local-feed', accountId: LOCAL_ACCOUNT_ID, region: LOCAL_REGION },
          dataDir: join(dataDir, 'feed'),
        })
      : undefined;
    closers.feed = feed?.close;
    const feedTarget = spec.liveFeed?.fanOut;

    progress('starting EventBridge and Step Functions');
    const eventbridge = await startLocalEventBridge({
      host,
      port: partPort(settings, 'eventbridge'),
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT_ID,
      buses: [spec.bus.name],
      rules: spec.rules.map((rule) => ({
        name: rule.name,
        // `default`: where AWS services (SES' email events) put theirs.
        eventBusName: rule.bus ?? spec.bus.name,
        pattern: rule.pattern,
        targets: rule.targets.map((target) => ({
          id: target.function,
          retryAttempts: target.retryAttempts,
          maximumEventAgeSeconds: target.maximumEventAgeSeconds,
        })),
      })),
      deliver: async (targetId, event) => {
        const send = async () => void (await invokeFor('delivery')(targetId, event));
        await (feed && targetId === feedTarget ? feed.relay(event, send) : send());
      },
      timeScale,
      dataDir: join(dataDir, 'eventbridge'),
    });
    closers.eventbridge = async () => {
      sesFeedback.close();
      await eventbridge.close();
    };
    sesFeedback.connect(eventbridge.url);

    const sfn = await startLocalStepFunctions({
      host,
      port: partPort(settings, 'sfn'),
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT_ID,
      dataDir: join(dataDir, 'sfn'),
      stateMachines: Object.values(spec.workflows).map((workflow) => ({
        name: `tradeflow-${workflow.name}`,
        arn: names.workflowArn(workflow.name),
        definition: substitutedDefinition(spec, workflow.name),
      })),
      invokeFunction: invokeFor('task'),
      timeScale,
    });
    closers.sfn = sfn.close;

    // API keys made at run time (storefronts registered through the API) join the boot-time ones in
    // the gateway's usage plans, through API Gateway's own management API.
    const usagePlans = new UsagePlans(spec.api.usagePlans, localApiKeys(secrets));
    const apiKeys = new ApiKeyRegistry(join(dataDir, 'apigateway', 'api-keys.json'), usagePlans);
    const apiManagement = await startLocalApiGatewayManagement({
      host,
      port: partPort(settings, 'apigateway'),
      registry: apiKeys,
      usagePlans: Object.fromEntries(
        spec.api.usagePlans.map((plan) => [plan.name, usagePlanName(spec, plan.name)]),
      ),
    });
    closers.apiManagement = apiManagement.close;

    const endpoints = {
      dynamodb: dynamodb.url,
      sfn: sfn.url,
      eventbridge: eventbridge.url,
      sesv2: ses.url,
      s3: s3.url,
      apigateway: apiManagement.url,
    };
    // Before the functions: those that link to the API get its URL (calls wait for the functions).
    const api = await startLocalApiGateway({
      host,
      port: partPort(settings, 'api'),
      api: spec.api,
      context: { apiId: 'local', stage: spec.api.stage, accountId: LOCAL_ACCOUNT_ID, region: LOCAL_REGION },
      usagePlans,
      invoke: invokeFor('api'),
      extraHandler: localConsole({ files: consoleFiles, feedUrl: feed?.url, devTokens: () => devTokens }),
    });
    closers.api = api.close;
    localApiUrl = api.url;

    const { bundles, built } = await bundling;
    if (built) progress('functions bundled');
    const functions = new LocalLambda(
      Object.values(spec.functions).map((fn) => ({
        name: fn.name,
        arn: localNames.functionArn(fn.name),
        bundle: bundles.get(fn.name)!,
        environment: {
          ...functionEnvironment(spec, fn, names),
          ...(feed && fn.name === feedTarget ? { [spec.liveFeed!.endpointEnvVar]: feed.url } : {}),
        },
        memoryMb: fn.memoryMb,
        timeoutSeconds: fn.timeoutSeconds,
      })),
      { baseEnvironment: functionBaseEnvironment(endpoints, timeScale), logDir: join(dataDir, 'logs') },
    );
    functionsLoaded(functions);
    closers.lambda = () => functions.close();

    const scheduler = new LocalScheduler(spec.schedules, invokeFor('schedule'), timeScale);
    if (options.timers) scheduler.start();
    closers.scheduler = async () => scheduler.stop();

    const admin = await startLocalAdmin({ host, port: partPort(settings, 'admin'), parts: () => runtime });
    closers.admin = admin.close;

    const info: LocalInfo = {
      apiUrl: api.url,
      apiKey: secrets.apiKey,
      staffTokens: devStaffTokens(staffSigningKey),
      sesUrl: ses.url,
      adminUrl: admin.url,
      consoleUrl: consoleUrl(),
      ...(feed ? { feedUrl: feed.url } : {}),
      endpoints,
    };
    writeFileSync(join(dataDir, 'local.json'), `${JSON.stringify(info, null, 2)}\n`, { mode: 0o600 });
    devTokens = info.staffTokens;
    // The system runs without its console, but says so at once rather than at the first page load.
    const consoleFailure = await consoleFiles.then(
      () => undefined,
      (error: Error) => error.message,
    );
    if (consoleFailure) progress(`the staff console could not be built: ${consoleFailure}`);

    // Cold starts happen in the background, after the system is ready, not on the first requests.
    if (options.warm) void functions.warm(warmingOrder(spec));

    const runtime: LocalRuntime = {
      info,
      settings,
      dynamodb,
      sfn,
      eventbridge,
      ses,
      s3,
      lambda: functions,
      api,
      scheduler,
      admin,
      feed,
      chaos,
      readyMs: performance.now() - started,
      idle: async () => {
        await eventbridge.idle();
        // An email's simulator events (a bounce) start new deliveries: wait for those too.
        while (ses.feedbackPending() > 0) {
          await ses.idle();
          await eventbridge.idle();
        }
      },
      close: () => closeAll(closers),
    };
    return runtime;
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

/** Who answers first requests comes first: the authorizer, the API, then steps, consumers, schedules. */
function warmingOrder(spec: Topology): string[] {
  const rank = { authorizer: 0, api: 1, step: 2, event: 3, schedule: 4 } as const;
  return Object.values(spec.functions)
    .sort((a, b) => rank[a.kind] - rank[b.kind])
    .map((fn) => fn.name);
}

/** The ASL text with each `${Placeholder}` replaced by what the topology says it stands for. */
export function substitutedDefinition(spec: Topology, workflowName: string): object {
  const workflow = spec.workflows[workflowName];
  const text = readFileSync(join(REPO_ROOT, workflow.definitionFile), 'utf8');
  const values = substitutionValues(workflow, {
    functionArn: localNames.functionArn,
    table: localNames.table,
    busName: () => spec.bus.name,
  });
  const substituted = text.replace(/\$\{([A-Za-z0-9_]+)\}/g, (placeholder, key: string) => {
    if (!(key in values)) throw new Error(`${workflow.definitionFile}: no substitution for ${placeholder}`);
    return values[key];
  });
  return JSON.parse(substituted);
}

/** What every local function gets besides its own variables: region, credentials, the local endpoints. */
function functionBaseEnvironment(
  endpoints: LocalInfo['endpoints'],
  timeScale: number,
): Record<string, string> {
  return {
    AWS_REGION: LOCAL_REGION,
    AWS_DEFAULT_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SFN: endpoints.sfn,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventbridge,
    AWS_ENDPOINT_URL_SESV2: endpoints.sesv2,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_API_GATEWAY: endpoints.apigateway,
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO',
    TRADEFLOW_TIME_SCALE: String(timeScale),
    // Webhooks may go to receivers on this machine (127.0.0.1), for development; never on AWS.
    TRADEFLOW_LOOPBACK_WEBHOOKS: 'allow',
    TZ: 'UTC',
  };
}

/**
 * Shutdown order matters: stop taking requests, then stop executions (aborted without a recorded
 * failure, so they resume at the next start) and deliveries, and only then the functions they call.
 */
const CLOSE_ORDER = [
  'admin',
  'scheduler',
  'api',
  'feed',
  'apiManagement',
  'sfn',
  'eventbridge',
  'lambda',
  's3',
  'ses',
  'dynamodb',
] as const;
type Closers = Partial<Record<(typeof CLOSE_ORDER)[number], () => Promise<void>>>;

async function closeAll(closers: Closers): Promise<void> {
  for (const part of CLOSE_ORDER) {
    await closers[part]?.().catch(() => undefined);
    delete closers[part];
  }
}

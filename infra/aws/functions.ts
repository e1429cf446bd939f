import { join } from 'node:path';
import { Duration, NestedStack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { functionEnvironment, type ResourceNames, type StaffSignInNames } from '../topology/environment';
import type { FunctionKind, FunctionSpec } from '../topology/types';
import { type AccessTargets, grantAccess } from './access';
import { acknowledge } from './nag';
import { pascalCase } from './names';
import { tagWithTopologyName } from './tags';

export interface FunctionDependencies extends AccessTargets {
  /** Where entries and the lock file are resolved from. */
  rootDir: string;
  /** The staff user pool and client, and the staff usage key (for functions with `staffSignIn`). */
  staffSignIn: StaffSignInNames;
  /** The API's base URL (a token resolved once the API is built: see tradeflow-stack.ts). */
  apiUrl: string;
  /** The staff console's address (a token resolved once the console is built: see tradeflow-stack.ts). */
  consoleUrl: string;
}

/** Physical names as CloudFormation tokens, for `functionEnvironment`. */
function awsResourceNames(deps: FunctionDependencies): ResourceNames {
  return {
    table: (name) => deps.tables[name].tableName,
    bucket: (name) => deps.buckets[name].bucketName,
    busName: () => deps.bus.eventBusName,
    workflowArn: (name) => deps.workflows[name].stateMachineArn,
    staffSignIn: () => deps.staffSignIn,
    apiUrl: () => deps.apiUrl,
    consoleUrl: () => deps.consoleUrl,
  };
}

/** How every function is bundled (esbuild, no Docker). */
export const LAMBDA_BUNDLING = {
  forceDockerBundling: false,
  minify: true,
  // Error classes keep their names: ASL Retry/Catch match them (ConcurrentUpdateError,
  // OrderCancelledError), and minified names would never match.
  keepNames: true,
  sourceMap: true,
  sourcesContent: false,
  target: 'node24',
  // CJS is fine: esbuild turns the ESM-only @middy packages into CJS while bundling.
  format: OutputFormat.CJS,
  // The SDK is bundled, from its ES modules so that esbuild tree-shakes it: a function then loads
  // one file of the parts of the SDK it uses instead of ~1 MB of CommonJS from the runtime's
  // node_modules (each client's every command and schema), which took ~30% off the load at cold
  // start (BENCHMARKS.md, "Cold start").
  bundleAwsSDK: true,
  mainFields: ['module', 'main'],
  // Except the credential providers that the default chain imports lazily, only when there are no
  // credentials in the environment: on Lambda they always are (AWS_ACCESS_KEY_ID…), so these are
  // never loaded there, and if they were, the runtime's SDK has them. Bundled, they (with the SSO,
  // STS and SSO-OIDC clients they use) would add ~140 KB to every function.
  externalModules: [
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-web-identity',
    '@aws-sdk/credential-provider-http',
    '@smithy/credential-provider-imds',
  ],
  // …which the chain reaches by `import()`: compiled to `require()`, that finds the runtime's SDK
  // through NODE_PATH, as the SDK's own CommonJS build does (ES module resolution ignores NODE_PATH).
  // pako (pdf-lib's zlib in JavaScript) becomes Node's own zlib: see the file. The path is resolved
  // from the project root, where CDK runs esbuild.
  esbuildArgs: {
    '--supported:dynamic-import': 'false',
    '--alias': 'pako=./infra/aws/bundling/pako-on-node-zlib.ts',
  },
  logLevel: LogLevel.WARNING,
} satisfies BundlingOptions;

/**
 * Where each kind of function is built. A function is four resources (function, role, policy, log
 * group) plus its invoke permissions, and a CloudFormation stack holds at most 500: so the functions
 * live in nested stacks, one per kind (kinds are stable, so a new function never moves another).
 * Authorizers stay in the main stack: their invoke permission names the API's authorizer, which
 * names the function, and across stacks that would be a cycle.
 */
const NESTED_STACK_OF_KIND: Record<FunctionKind, string | undefined> = {
  authorizer: undefined,
  api: 'ApiFunctions',
  step: 'WorkflowTasks',
  event: 'EventConsumers',
  schedule: 'ScheduledJobs',
};

/** A function per topology entry, with its own role (only its `access` grants) and log group. */
export function buildFunctions(scope: Construct, deps: FunctionDependencies): Record<string, NodejsFunction> {
  const groups = new Map<string, Construct>();
  const groupFor = (kind: FunctionKind): Construct => {
    const id = NESTED_STACK_OF_KIND[kind] ?? 'Functions';
    let group = groups.get(id);
    if (!group) {
      group =
        id === 'Functions'
          ? new Construct(scope, id)
          : new NestedStack(scope, id, { description: `${deps.topology.service} ${kind} functions` });
      groups.set(id, group);
    }
    return group;
  };
  const names = awsResourceNames(deps);
  const functions: Record<string, NodejsFunction> = {};
  for (const spec of Object.values(deps.topology.functions)) {
    functions[spec.name] = buildFunction(groupFor(spec.kind), spec, names, deps);
  }
  return functions;
}

function buildFunction(
  scope: Construct,
  spec: FunctionSpec,
  names: ResourceNames,
  deps: FunctionDependencies,
): NodejsFunction {
  const construct = new Construct(scope, pascalCase(spec.name));
  const logGroup = new LogGroup(construct, 'Logs', { retention: RetentionDays.ONE_MONTH });
  // Its own role instead of AWSLambdaBasicExecutionRole: it may write to this log group only.
  const role = new Role(construct, 'Role', {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `${deps.topology.service} ${spec.name}`,
  });
  logGroup.grantWrite(role);

  const fn = new NodejsFunction(construct, 'Function', {
    entry: join(deps.rootDir, spec.entry),
    handler: 'handler',
    projectRoot: deps.rootDir,
    depsLockFilePath: join(deps.rootDir, 'package-lock.json'),
    description: spec.description,
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    memorySize: spec.memoryMb,
    timeout: Duration.seconds(spec.timeoutSeconds),
    role,
    logGroup,
    tracing: Tracing.ACTIVE,
    environment: {
      ...functionEnvironment(deps.topology, spec, names),
      NODE_OPTIONS: '--enable-source-maps',
    },
    bundling: LAMBDA_BUNDLING,
  });

  grantAccess(role, spec.access, deps);
  acknowledge(
    role.node.findChild('DefaultPolicy'),
    'AwsSolutions-IAM5[Resource::*]',
    'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) support no resource-level permissions.',
  );
  tagWithTopologyName(construct, 'function', spec.name);
  return fn;
}

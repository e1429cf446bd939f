import { Lazy, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { topology as declared } from '../topology';
import type { Topology } from '../topology/types';
import { buildApi } from './api';
import { addStaffUsageKey, staffUsageKeyValue } from './api-policies';
import { buildStaffConsole } from './console/staff-console';
import { buildEmailIdentities } from './email';
import { buildBus, buildRules } from './events';
import { buildFunctions } from './functions';
import { buildLiveFeed } from './live-feed';
import { addOutputs } from './outputs';
import { repoRoot } from './repo-root';
import { buildSchedules } from './schedules';
import { buildStaffUserPool } from './staff-user-pool';
import { buildBuckets } from './storage';
import { buildTables } from './tables';
import { workflowRefs } from './workflow-refs';
import { buildWorkflows } from './workflows';

export interface TradeflowStackProps extends StackProps {
  /** Defaults to the system's one topology; tests may pass a variant. */
  topology?: Topology;
  /** Where function entries, ASL files and the lock file are resolved from. */
  rootDir?: string;
}

/** tradeflow on AWS, built entirely from the topology. */
export class TradeflowStack extends Stack {
  constructor(scope: Construct, id: string, props: TradeflowStackProps = {}) {
    super(scope, id, props);
    const topology = props.topology ?? declared;
    const rootDir = props.rootDir ?? repoRoot;
    Tags.of(this).add('service', topology.service);

    const tables = buildTables(this, topology.tables);
    const buckets = buildBuckets(this, topology.buckets);
    const email = buildEmailIdentities(this, topology.emailIdentities);
    const bus = buildBus(this, topology.bus);
    const refs = workflowRefs(this, topology);
    // The console's URL is CloudFront's, made after the API: the sign-in client and the functions that
    // link to its pages (staff emails) read it at synthesis.
    let consoleUrl: string | undefined;
    const staff = buildStaffUserPool(this, topology.staffSignIn, topology.service, () => consoleUrl);
    const staffUsageKey = staffUsageKeyValue(topology.service);
    // Functions that link to the API are built before it: their URL is filled in at synthesis.
    let apiUrl: string | undefined;
    const functions = buildFunctions(this, {
      apiUrl: Lazy.string({ produce: () => apiUrl }),
      consoleUrl: Lazy.string({ produce: () => consoleUrl }),
      topology,
      rootDir,
      tables,
      buckets,
      bus,
      email,
      workflows: refs,
      staffSignIn: {
        userPoolId: staff.pool.userPoolId,
        clientId: staff.client.userPoolClientId,
        usageKey: staffUsageKey,
      },
    });
    const workflows = buildWorkflows(this, topology.workflows, { rootDir, refs, functions, tables, bus });
    const { api, usagePlans } = buildApi(this, topology.api, functions);
    // Not `api.url`: that names the stage resource, which depends (through the deployment) on every
    // method, hence on the nested stacks of functions, some of which need this URL: a cycle.
    apiUrl = `https://${api.restApiId}.execute-api.${this.region}.${this.urlSuffix}/${topology.api.stage}/`;
    const staffPlan = usagePlans[topology.staffSignIn.usagePlan];
    if (!staffPlan) throw new Error(`The staff usage plan ${topology.staffSignIn.usagePlan} is not declared`);
    addStaffUsageKey(this, staffPlan, `${topology.api.name}-staff`, staffUsageKey);
    buildRules(this, topology.rules, { bus, functions });
    const feed = topology.liveFeed ? buildLiveFeed(this, topology.liveFeed, functions) : undefined;
    consoleUrl = buildStaffConsole(this, {
      service: topology.service,
      restApiId: api.restApiId,
      apiStage: topology.api.stage,
      staff,
      feedUrl: feed?.stage.url,
      feedOrigin: feed ? `wss://${feed.api.apiId}.execute-api.${this.region}.${this.urlSuffix}` : undefined,
    }).url;
    buildSchedules(this, topology.schedules, functions, topology.service);
    addOutputs(this, { api, usagePlans, tables, bus, workflows, staff });
  }
}

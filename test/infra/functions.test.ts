import { topology } from '../../infra/topology';
import {
  API_URL_ENV_VAR,
  CONSOLE_URL_ENV_VAR,
  usagePlanEnvVar,
  usagePlanName,
} from '../../infra/topology/environment';
import { isConsoleResource } from './console-resources';
import { synthesizeTemplate } from './stack-template';
import {
  propertiesOf,
  referencedId,
  resource,
  resourcesOfType,
  templateInventory,
} from './template-inventory';

describe('Lambda functions', () => {
  // Prepare
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);

  it('has exactly one function per topology function', () => {
    // Assess
    expect(Object.keys(inventory.functions).sort()).toEqual(Object.keys(topology.functions).sort());
    // (Plus the staff console's deployment function: test/infra/console.test.ts.)
    const functions = resourcesOfType(template, 'AWS::Lambda::Function').filter(
      ([, fn]) => !isConsoleResource(fn),
    );
    expect(functions).toHaveLength(Object.keys(topology.functions).length);
  });

  it('gives every function a log group of its own, with a retention', () => {
    // Act
    const logGroups = Object.values(inventory.functions).map((id) =>
      referencedId((propertiesOf(template, id).LoggingConfig as { LogGroup: unknown }).LogGroup),
    );
    // Assess
    expect(new Set(logGroups).size).toBe(logGroups.length);
    for (const id of logGroups) {
      expect(resource(template, id).Type).toBe('AWS::Logs::LogGroup');
      expect(resource(template, id).Properties?.RetentionInDays).toBeGreaterThan(0);
    }
  });

  describe.each(Object.values(topology.functions))('$name', (spec) => {
    // Act
    const properties = propertiesOf(template, inventory.functions[spec.name]);
    const variables = (properties.Environment as { Variables: Record<string, unknown> }).Variables;

    it('runs Node.js 22 or newer on arm64, traced, with the declared size, timeout and description', () => {
      // Assess
      const version = Number(/^nodejs(\d+)\.x$/.exec(properties.Runtime as string)?.[1]);
      expect(version).toBeGreaterThanOrEqual(22);
      expect(properties.Architectures).toEqual(['arm64']);
      expect(properties.MemorySize).toBe(spec.memoryMb);
      expect(properties.Timeout).toBe(spec.timeoutSeconds);
      expect(properties.Description).toBe(spec.description);
      expect(properties.Handler).toBe('index.handler');
      expect(properties.TracingConfig).toEqual({ Mode: 'Active' });
    });

    it('gets its settings, Powertools names, source maps and a variable per resource it may use', () => {
      // Assess
      expect(variables).toMatchObject({
        ...spec.environment,
        POWERTOOLS_SERVICE_NAME: topology.service,
        NODE_OPTIONS: '--enable-source-maps',
      });
      const expected = new Set(['POWERTOOLS_SERVICE_NAME', 'NODE_OPTIONS']);
      for (const key of Object.keys(spec.environment ?? {})) expected.add(key);
      for (const [name] of Object.entries(spec.access.tables ?? {})) {
        const envVar = topology.tables[name].envVar;
        expected.add(envVar);
        expect(variables[envVar]).toEqual({ Ref: inventory.tables[name] });
      }
      for (const [name] of Object.entries(spec.access.buckets ?? {})) {
        const envVar = topology.buckets[name].envVar;
        expected.add(envVar);
        expect(variables[envVar]).toEqual({ Ref: inventory.buckets[name] });
      }
      if (spec.access.bus) {
        expected.add(topology.bus.envVar);
        const [[busId]] = resourcesOfType(template, 'AWS::Events::EventBus');
        expect(variables[topology.bus.envVar]).toEqual({ Ref: busId });
      }
      for (const name of Object.keys(spec.access.workflows ?? {})) {
        const envVar = topology.workflows[name].envVar;
        expected.add(envVar);
        const machineName = resource(template, inventory.workflows[name]).Properties
          ?.StateMachineName as string;
        expect(JSON.stringify(variables[envVar])).toContain(`:stateMachine:${machineName}"`);
      }
      for (const name of spec.access.email ?? []) {
        const identity = topology.emailIdentities[name];
        expected.add(identity.envVar);
        expected.add(`${identity.envVar}_CONFIGURATION_SET`);
        expect(variables[identity.envVar]).toBe(identity.fromAddress);
        expect(variables[`${identity.envVar}_CONFIGURATION_SET`]).toBe(identity.configurationSet);
      }
      // The fan-out's management endpoint (its value: test/infra/live-feed.test.ts).
      if (spec.name === topology.liveFeed?.fanOut) expected.add(topology.liveFeed.endpointEnvVar);
      for (const plan of spec.access.usagePlanKeys ?? []) {
        expected.add(usagePlanEnvVar(plan));
        expect(variables[usagePlanEnvVar(plan)]).toBe(usagePlanName(topology, plan));
      }
      if (spec.access.apiUrl) expected.add(API_URL_ENV_VAR);
      if (spec.access.consoleUrl) expected.add(CONSOLE_URL_ENV_VAR);
      if (spec.access.staffSignIn) {
        // Their values: test/infra/staff-user-pool.test.ts. No JWKS on AWS: it is fetched from Cognito.
        const { userPoolId, clientId, usageKey } = topology.staffSignIn.envVars;
        for (const envVar of [userPoolId, clientId, usageKey]) expected.add(envVar);
      }
      expect(Object.keys(variables).sort()).toEqual([...expected].sort());
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../infra/aws/repo-root';
import { topology } from '../../infra/topology';
import { aslPlaceholders } from '../../infra/topology/environment';
import { synthesizeTemplate } from './stack-template';
import { templateInventory } from './template-inventory';

/**
 * The topology and what is built from it agree. PART 1: the CDK template contains exactly what the
 * topology declares. (PART 2, the local runtime, comes with infra/local.)
 */
describe('agreement, part 1: topology ↔ CDK template', () => {
  // Prepare
  const inventory = templateInventory(synthesizeTemplate());
  const sorted = (values: string[]) => [...values].sort();

  it('has every function, table and bucket, and nothing else', () => {
    // Assess
    expect(sorted(Object.keys(inventory.functions))).toEqual(sorted(Object.keys(topology.functions)));
    expect(sorted(Object.keys(inventory.tables))).toEqual(sorted(Object.keys(topology.tables)));
    expect(sorted(Object.keys(inventory.buckets))).toEqual(sorted(Object.keys(topology.buckets)));
  });

  it('has every route, on its function', () => {
    // Assess
    const key = (route: { method: string; path: string; function: string }) =>
      `${route.method} ${route.path} → ${route.function}`;
    expect(sorted(inventory.routes.map(key))).toEqual(sorted(topology.api.routes.map(key)));
  });

  it('has every rule, with its pattern and targets', () => {
    // Assess
    const built = inventory.rules.map((rule) => ({
      name: rule.name,
      pattern: rule.pattern,
      targets: rule.targets.map((target) => target.function),
    }));
    const declared = topology.rules.map((rule) => ({
      name: rule.name,
      pattern: rule.pattern,
      targets: rule.targets.map((target) => target.function),
    }));
    expect(sorted(built.map((rule) => JSON.stringify(rule)))).toEqual(
      sorted(declared.map((r) => JSON.stringify(r))),
    );
  });

  it('has every schedule, with its expression, function and input', () => {
    // Assess
    const built = inventory.schedules.map(({ name, expression, function: fn, input }) =>
      JSON.stringify({ name, expression, function: fn, input }),
    );
    const declared = topology.schedules.map((schedule) =>
      JSON.stringify({
        name: `${topology.service}-${schedule.name}`,
        expression: schedule.expression,
        function: schedule.function,
        input: schedule.input ?? {},
      }),
    );
    expect(sorted(built)).toEqual(sorted(declared));
  });

  it.each(Object.values(topology.workflows))('substitutes every placeholder of workflow $name', (spec) => {
    // Act
    const placeholders = aslPlaceholders(readFileSync(join(repoRoot, spec.definitionFile), 'utf8'));
    // Assess
    expect(placeholders.length).toBeGreaterThan(0);
    expect(inventory.substitutions[spec.name]).toEqual(placeholders);
  });
});

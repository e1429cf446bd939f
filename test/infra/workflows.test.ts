import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../infra/aws/repo-root';
import { topology } from '../../infra/topology';
import { aslPlaceholders } from '../../infra/topology/environment';
import { synthesizeTemplate } from './stack-template';
import { resource, templateInventory } from './template-inventory';

describe('Step Functions state machines', () => {
  // Prepare
  const template = synthesizeTemplate();
  const inventory = templateInventory(template);

  it('has exactly one state machine per topology workflow', () => {
    // Assess
    expect(Object.keys(inventory.workflows).sort()).toEqual(Object.keys(topology.workflows).sort());
    template.resourceCountIs('AWS::StepFunctions::StateMachine', Object.keys(topology.workflows).length);
  });

  describe.each(Object.values(topology.workflows))('$name', (spec) => {
    // Act
    const properties = resource(template, inventory.workflows[spec.name]).Properties ?? {};
    const substitutions = properties.DefinitionSubstitutions as Record<string, unknown>;
    const asl = readFileSync(join(repoRoot, spec.definitionFile), 'utf8');

    it('is a named Standard machine whose definition is the ASL file (an asset), traced and logged', () => {
      // Assess
      expect(properties.StateMachineType).toBe('STANDARD');
      expect(properties.StateMachineName).toBe(`${topology.service}-${spec.name}`);
      expect(properties.DefinitionS3Location).toBeDefined();
      expect(properties.DefinitionString).toBeUndefined();
      expect(properties.TracingConfiguration).toEqual({ Enabled: true });
      expect(properties.LoggingConfiguration).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    });

    it('substitutes exactly the placeholders of its ASL file', () => {
      // Assess
      expect(Object.keys(substitutions).sort()).toEqual(aslPlaceholders(asl));
      expect(Object.keys(spec.substitutions).sort()).toEqual(aslPlaceholders(asl));
    });

    it('substitutes each placeholder with what the topology says it stands for', () => {
      // Assess
      for (const [placeholder, substitution] of Object.entries(spec.substitutions)) {
        const value = substitutions[placeholder];
        if (substitution.kind === 'functionArn') {
          expect(value).toEqual({ 'Fn::GetAtt': [inventory.functions[substitution.function], 'Arn'] });
        } else if (substitution.kind === 'tableName') {
          expect(value).toEqual({ Ref: inventory.tables[substitution.table] });
        } else if (substitution.kind === 'value') {
          expect(value).toBe(substitution.value);
        } else {
          expect(JSON.stringify(value)).toMatch(/^\{"Ref":"Bus/);
        }
      }
    });
  });
});

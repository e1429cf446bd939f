import { StateMachine, type StateMachineDefinition } from './asl-engine';
import { type PreparedDefinition, prepareDefinition } from './definition-prepare';
import { hashJson, type JsonValue } from './json';
import type { LocalStateMachine } from './types';

export interface PreparedMachine {
  machine: LocalStateMachine;
  prepared: PreparedDefinition;
  /** The engine for the prepared definition. */
  engine: StateMachine;
  definitionHash: string;
  roleArn: string;
  creationDate: Date;
}

/** Checks and prepares a machine; a definition it cannot run throws DefinitionError at start. */
export function prepareMachine(
  machine: LocalStateMachine,
  options: { accountId: string; timeScale: number; log: (line: string) => void },
): PreparedMachine {
  const prepared = prepareDefinition(machine.name, machine.definition, options.timeScale);
  for (const warning of prepared.warnings) options.log(`state machine "${machine.name}": ${warning}`);
  // The engine's own validator is skipped: it costs ~0.5 s per machine and mutates what it checks.
  const engine = new StateMachine(prepared.runDefinition as unknown as StateMachineDefinition, {
    validationOptions: { noValidate: true },
  });
  return {
    machine,
    prepared,
    engine,
    definitionHash: hashJson(machine.definition as JsonValue),
    roleArn: machine.roleArn ?? `arn:aws:iam::${options.accountId}:role/local-step-functions`,
    creationDate: new Date(),
  };
}

/** The execution ARN AWS would give: the machine ARN with `execution` and the name. */
export function executionArnOf(machine: LocalStateMachine, executionName: string): string {
  const arn = machine.arn.replace(':stateMachine:', ':execution:');
  return `${arn}:${executionName}`;
}

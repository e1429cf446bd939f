/** A definition is invalid, or uses what the local server cannot run faithfully: refused at start, not mid-run. */
export class DefinitionError extends Error {
  constructor(machineName: string, problem: string) {
    super(`Local Step Functions cannot run state machine "${machineName}": ${problem}`);
    this.name = 'DefinitionError';
  }
}

import type { CredentialStore } from '../../shared/ports/credentials';
import type { Command } from './args';
import { USAGE } from './args';
import type { NewCredentialId } from './credential';
import type { ApiKeys, StackOutputs } from './ports';
import { createStorefront, disableCredential } from './provision';
import { credentialDisabled, staffUserCommands, storefrontCreated } from './report';
import type { RandomBytes } from './secrets';
import { stackIds } from './stack-outputs';

export interface CommandDeps {
  stackOutputs: StackOutputs;
  apiKeys: ApiKeys;
  /** The credential store on the stack's access table. */
  credentialStore: (tableName: string) => CredentialStore;
  newId: NewCredentialId;
  random?: RandomBytes;
}

/** Runs one command against the stack and answers what to print. */
export async function runCommand(command: Command, deps: CommandDeps): Promise<string> {
  if (command.command === 'help') return USAGE;
  const ids = stackIds(command.stack, await deps.stackOutputs.read(command.stack));
  const provision = {
    apiKeys: deps.apiKeys,
    credentials: deps.credentialStore(ids.accessTableName),
    ids,
    newId: deps.newId,
    random: deps.random,
  };
  switch (command.command) {
    case 'create-storefront':
      return storefrontCreated({ ...(await createStorefront(provision, command)), apiUrl: ids.apiUrl });
    case 'staff-user-commands':
      return staffUserCommands({ role: command.role, userPoolId: ids.staffUserPoolId });
    case 'disable':
      return credentialDisabled(await disableCredential(provision, command));
  }
}

import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { dynamoDocumentClient } from '../shared/adapters/dynamodb-client';
import { makeDynamoCredentialStore } from '../shared/adapters/dynamodb-credentials';
import { parseCommand, USAGE } from './credentials/args';
import { makeApiGatewayKeys } from './credentials/aws-api-keys';
import { makeCloudFormationOutputs } from './credentials/aws-stack-outputs';
import { newCredentialId } from './credentials/credential';
import { explainError, UsageError } from './credentials/errors';
import { runCommand } from './credentials/run-command';

/**
 * `npm run credentials -- <command>`: storefront API keys, and how to add staff, for the deployed stack.
 * AWS credentials and region come from the SDK's usual chain (AWS_PROFILE, AWS_REGION, SSO, …).
 */
async function main(): Promise<void> {
  const command = parseCommand(process.argv.slice(2));
  const output = await runCommand(command, {
    stackOutputs: makeCloudFormationOutputs(new CloudFormationClient({})),
    apiKeys: makeApiGatewayKeys(new APIGatewayClient({})),
    credentialStore: (tableName) => makeDynamoCredentialStore(dynamoDocumentClient(), tableName),
    newId: newCredentialId,
  });
  process.stdout.write(`${output}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${explainError(error)}\n`);
  if (error instanceof UsageError) process.stderr.write(`\n${USAGE}\n`);
  process.exit(1);
});

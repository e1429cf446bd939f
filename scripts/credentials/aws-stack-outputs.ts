import { type CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { StackNotReadyError } from './errors';
import type { StackOutputs } from './ports';

/** The StackOutputs port on CloudFormation's DescribeStacks. */
export function makeCloudFormationOutputs(client: CloudFormationClient): StackOutputs {
  return {
    async read(stack) {
      try {
        const { Stacks } = await client.send(new DescribeStacksCommand({ StackName: stack }));
        const outputs = Stacks?.[0]?.Outputs ?? [];
        return Object.fromEntries(
          outputs.flatMap((output) =>
            output.OutputKey && output.OutputValue ? [[output.OutputKey, output.OutputValue]] : [],
          ),
        );
      } catch (error) {
        // CloudFormation answers a ValidationError "Stack with id … does not exist".
        if (error instanceof Error && /does not exist/.test(error.message)) {
          const region = await client.config.region();
          throw new StackNotReadyError(
            `No stack named ${stack} in ${region}: deploy first with npx cdk deploy (or name another stack with --stack).`,
          );
        }
        throw error;
      }
    },
  };
}

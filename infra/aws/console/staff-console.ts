import { CfnOutput, type Stack } from 'aws-cdk-lib';
import type { ConsoleConfig } from '../../../console/src/shell/console-config';
import type { BuiltStaffSignIn } from '../staff-user-pool';
import { ConsoleContent } from './console-content';
import { ConsoleHosting } from './console-hosting';

export interface StaffConsoleDeps {
  service: string;
  restApiId: string;
  apiStage: string;
  staff: BuiltStaffSignIn;
  /** The live feed's wss URL, when the topology has a feed. */
  feedUrl?: string;
  /**
   * The feed's origin (`wss://<api id>.execute-api.<region>.<suffix>`), for the hosting's CSP: not
   * the URL, which names the stage. The hosting must depend on nothing built from functions, since
   * functions link to the console (CONSOLE_URL).
   */
  feedOrigin?: string;
}

/** The OAuth scopes the console asks for: who the person is; the access token carries the role group. */
export const CONSOLE_SCOPES = ['openid', 'email', 'profile'];

/** What `config.json` says on AWS: the API behind the same distribution, the WebSocket feed, the hosted UI. */
export function consoleConfig(values: {
  apiStage: string;
  feedUrl?: string;
  signInUrl: string;
  clientId: string;
  consoleUrl: string;
}): ConsoleConfig {
  return {
    apiUrl: `/${values.apiStage}`,
    ...(values.feedUrl ? { feed: { kind: 'websocket', url: values.feedUrl } } : {}),
    signIn: {
      kind: 'cognito',
      domain: values.signInUrl,
      clientId: values.clientId,
      redirectUri: values.consoleUrl,
      scopes: CONSOLE_SCOPES,
    },
  };
}

/**
 * The staff console on AWS, in two nested stacks: the hosting (bucket, CloudFront, the hosted UI's
 * domain), then the files and `config.json`, which names the sign-in client, whose callback URL is
 * the distribution's: one stack for both would be a cycle through the main stack's client.
 * Returns the console's URL (with its trailing slash: the client's callback URL, exactly).
 */
export function buildStaffConsole(scope: Stack, deps: StaffConsoleDeps): { url: string } {
  const hosting = new ConsoleHosting(scope, 'Console', {
    service: deps.service,
    restApiId: deps.restApiId,
    apiStage: deps.apiStage,
    userPool: deps.staff.pool,
    feedOrigin: deps.feedOrigin,
  });
  const url = `${hosting.url}/`;
  new ConsoleContent(scope, 'ConsoleContent', {
    service: deps.service,
    bucket: hosting.bucket,
    distribution: hosting.distribution,
    config: consoleConfig({
      apiStage: deps.apiStage,
      feedUrl: deps.feedUrl,
      signInUrl: hosting.signInUrl,
      clientId: deps.staff.client.userPoolClientId,
      consoleUrl: url,
    }),
  });
  new CfnOutput(scope, 'ConsoleUrl', {
    value: url,
    description: 'The staff console (sign in with a staff account)',
  });
  new CfnOutput(scope, 'StaffSignInUrl', {
    value: hosting.signInUrl,
    description: "The staff user pool's hosted sign-in (the console sends staff there)",
  });
  return { url };
}

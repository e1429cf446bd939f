/**
 * `config.json`, next to the console's files: where the API and the live feed are and how staff sign
 * in. Written by the local runtime per request (`infra/local/console`) and by the CDK deployment on
 * AWS (`infra/aws/console`). No DOM types here: the Node side imports this file too.
 */
export interface ConsoleConfig {
  /** The API's base URL, absolute or relative to the console's origin (`/` locally, `/v1` behind CloudFront). */
  apiUrl: string;
  /** The live feed: Server-Sent Events locally, API Gateway's WebSocket API on AWS. */
  feed?: { kind: 'sse' | 'websocket'; url: string };
  signIn: LocalSignIn | HostedSignIn;
}

/** Locally: the person picks a role; its dev token comes along only to a browser on this machine. */
export interface LocalSignIn {
  kind: 'local';
  /** A dev access token per role (absent when the console was not opened from the loopback address). */
  tokens?: Record<string, string>;
}

/** On AWS: the user pool's hosted UI, authorization code with PKCE (a public client, no secret). */
export interface HostedSignIn {
  kind: 'cognito';
  /** `https://<prefix>.auth.<region>.amazoncognito.com` */
  domain: string;
  clientId: string;
  /** Exactly as registered on the app client (the console's CloudFront URL). */
  redirectUri: string;
  scopes: string[];
}

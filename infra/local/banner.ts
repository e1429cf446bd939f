import type { LocalRuntime } from './runtime';

/** What the person who ran `npm start` needs: every URL, the dev credentials, and where things are. */
export function banner(runtime: LocalRuntime): string {
  const { info, settings } = runtime;
  // Signed tokens are ~800 characters: the banner names the roles, local.json holds the tokens.
  const roles = Object.keys(info.staffTokens).join(', ');
  return `
tradeflow is running locally (ready in ${Math.round(runtime.readyMs)} ms)

  API              ${info.apiUrl}
  Console          ${info.consoleUrl ?? '(not served)'}   (the staff console: pick a role to sign in)
  Sent mail        ${info.sesUrl}          (the buyer emails, in a browser)
  Admin            ${info.adminUrl}        (executions, events, dead letters, functions)

  Storefront key   x-api-key: ${info.apiKey}
  Staff tokens     Authorization: Bearer <token>   (in local.json's staffTokens: ${roles})
  API reference    ${info.apiUrl}/docs            (OpenAPI: ${info.apiUrl}/openapi.json)

  AWS endpoints    DynamoDB ${info.endpoints.dynamodb}  Step Functions ${info.endpoints.sfn}
                   EventBridge ${info.endpoints.eventbridge}  SES ${info.endpoints.sesv2}  S3 ${info.endpoints.s3}

  Data             ${settings.dataDir} (local.json has all of the above; logs/ has each function's log)
  Time scale       ${settings.timeScale}x

Try it:  curl -s -H 'x-api-key: ${info.apiKey}' ${info.apiUrl}/orders/ord_01J0000000000000000000000A
Stop:    Ctrl-C
`;
}

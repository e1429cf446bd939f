/**
 * The local account, region and credentials. Only s3rver checks signatures, with its own well-known
 * key pair, so every local client uses that pair and signs its requests as it would on AWS.
 */
export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export function localClientConfig(endpoint: string) {
  return { endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
}

/** The names the local runtime gives resources (CloudFormation would generate them on AWS). */
export const localNames = {
  table: (name: string) => `tradeflow-${name}`,
  bucket: (name: string) => `tradeflow-${name.toLowerCase()}`,
  busName: () => 'tradeflow',
  functionName: (name: string) => name,
  functionArn: (name: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${name}`,
  workflowArn: (name: string) =>
    `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stateMachine:tradeflow-${name}`,
};

/** The local Step Functions server: the SFN JSON 1.0 API over aws-local-stepfunctions, with durable executions. */
export * from './sfn-server';

import type { APIGatewayProxyResult } from 'aws-lambda';

export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string; status?: string };
}

export function errorResponse(statusCode: number, error: ErrorBody['error']): APIGatewayProxyResult {
  return json(statusCode, { error } satisfies ErrorBody);
}

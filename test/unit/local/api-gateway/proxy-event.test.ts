import type { IncomingMessage } from 'node:http';
import { MalformedRequestError } from '../../../../infra/local/api-gateway/malformed-request';
import { proxyEvent, requestParts } from '../../../../infra/local/api-gateway/proxy-event';
import { routes } from '../../../../infra/topology/routes';

const api = { apiId: 'local', stage: 'v1', accountId: '000000000000', region: 'us-east-1', domainName: 'x' };

function incoming(url: string, rawHeaders: string[] = []): IncomingMessage {
  return {
    url,
    method: 'GET',
    rawHeaders,
    socket: { remoteAddress: '127.0.0.1' },
  } as unknown as IncomingMessage;
}

describe('the proxy event the local API Gateway builds', () => {
  it("keeps headers and query parameters named like Object.prototype's members (valueOf, __proto__)", () => {
    // Prepare
    const request = incoming('/orders/ord_1?valueOf=1&valueOf=2&constructor=c', [
      'valueOf',
      'a',
      'valueOf',
      'b',
      '__proto__',
      'p',
      'toString',
      't',
    ]);
    const route = routes.find((spec) => spec.function === 'get-order')!;

    // Act
    const parts = requestParts(request, Buffer.alloc(0));
    const event = proxyEvent(api, parts, { route, pathParameters: { id: 'ord_1' } }, {}, undefined);

    // Assess
    expect(Object.entries(event.headers)).toEqual([
      ['valueOf', 'b'],
      ['__proto__', 'p'],
      ['toString', 't'],
    ]);
    expect(event.multiValueHeaders.valueOf).toEqual(['a', 'b']);
    expect(event.multiValueQueryStringParameters?.valueOf).toEqual(['1', '2']);
    expect(event.queryStringParameters?.constructor).toBe('c');
  });

  it('refuses a request target that is no URL as a malformed request (400), not a TypeError (500)', () => {
    expect(() => requestParts(incoming('http://[bad/orders'), Buffer.alloc(0))).toThrow(
      MalformedRequestError,
    );
  });
});

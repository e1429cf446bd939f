import { MalformedRequestError } from '../../../../infra/local/api-gateway/malformed-request';
import { policyAllows } from '../../../../infra/local/api-gateway/policy';
import { makeRouteTable } from '../../../../infra/local/api-gateway/route-table';
import { UsagePlans } from '../../../../infra/local/api-gateway/usage-plans';
import { routes } from '../../../../infra/topology/routes';

describe('API Gateway rules, locally', () => {
  describe('resource matching', () => {
    const match = makeRouteTable(routes);

    it('matches literal and {param} segments for the exact method', () => {
      expect(match('POST', '/orders')?.route.function).toBe('create-order');
      expect(match('GET', '/orders/ord_1')).toMatchObject({
        route: { function: 'get-order' },
        pathParameters: { id: 'ord_1' },
      });
      expect(match('GET', '/orders/a%20b')?.pathParameters).toEqual({ id: 'a b' });
    });

    it('refuses a parameter that is not valid percent-encoding as a malformed request (400), not a URIError (500)', () => {
      expect(() => match('GET', '/orders/%E0%A4%A')).toThrow(MalformedRequestError);
      expect(() => match('GET', '/orders/%')).toThrow(/not valid percent-encoded UTF-8/);
    });

    it('finds nothing for another method, a deeper path or an unknown path', () => {
      expect(match('DELETE', '/orders')).toBeUndefined();
      expect(match('GET', '/orders/1/2')).toBeUndefined();
      expect(match('GET', '/nowhere')).toBeUndefined();
    });
  });

  describe('authorizer policies', () => {
    const arn = 'arn:aws:execute-api:us-east-1:000000000000:local/v1/GET/orders/ord_1';
    const allow = (resource: string) => ({
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: [resource] }],
    });

    it('allows what an Allow statement matches, with * wildcards', () => {
      expect(
        policyAllows(allow('arn:aws:execute-api:us-east-1:000000000000:local/v1/GET/orders/*'), arn),
      ).toBe(true);
      expect(policyAllows(allow('arn:aws:execute-api:us-east-1:000000000000:local/v1/*'), arn)).toBe(true);
      expect(
        policyAllows(allow('arn:aws:execute-api:us-east-1:000000000000:local/v1/POST/orders'), arn),
      ).toBe(false);
    });

    it('lets an explicit Deny win and denies without any statement', () => {
      const both = {
        Statement: [
          { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' },
          { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: arn },
        ],
      };
      expect(policyAllows(both, arn)).toBe(false);
      expect(policyAllows({ Statement: [] }, arn)).toBe(false);
      expect(policyAllows(undefined, arn)).toBe(false);
    });
  });

  describe('usage plans', () => {
    const plans = () =>
      new UsagePlans(
        [{ name: 'storefronts', description: '', rateLimit: 10, burstLimit: 2 }],
        [
          { id: 'k1', value: 'key-1', name: 'shop', plan: 'storefronts', enabled: true },
          { id: 'k2', value: 'key-2', name: 'old', plan: 'storefronts', enabled: false },
        ],
      );

    it('knows only enabled keys in a plan', () => {
      expect(plans().find('key-1')?.id).toBe('k1');
      expect(plans().find('key-2')).toBeUndefined();
      expect(plans().find('nope')).toBeUndefined();
      expect(
        () => new UsagePlans([], [{ id: 'x', value: 'v', name: 'x', plan: 'none', enabled: true }]),
      ).toThrow(/no usage plan/);
    });

    it('throttles past the burst and refills at the rate', () => {
      // Prepare
      const usage = plans();
      const key = usage.find('key-1')!;

      // Act
      const burst = [usage.take(key, 0), usage.take(key, 0), usage.take(key, 0)];
      const afterRefill = usage.take(key, 100); // 10/s → one token per 100 ms

      // Assess
      expect(burst).toEqual([true, true, false]);
      expect(afterRefill).toBe(true);
    });
  });
});

import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { type AddressRules, addressProblem, webhookUrlProblem } from '../domain/webhook-address';
import { WebhookDeliveryError, type WebhookSender } from '../ports/webhook-sender';

/** A receiver gets this long (connect to last byte) before the attempt counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * Webhooks over node:http(s): a POST with a timeout, no redirects followed, the answer's body never
 * read into memory or logs. The URL is checked again, and every address its host resolves to is
 * checked at connection time (a custom `lookup`), so a name that points at a private network or the
 * metadata service is refused however it was saved (SSRF, DNS rebinding).
 */
export function makeHttpWebhookSender(
  rules: AddressRules,
  options: { timeoutMs?: number; userAgent?: string } = {},
): WebhookSender {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const lookup = guardedLookup(rules);
  return {
    post(url, rawBody, headers) {
      const problem = webhookUrlProblem(url, rules);
      if (problem) return Promise.reject(new WebhookDeliveryError(`the webhook URL ${problem}`));
      const target = new URL(url);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      return new Promise<void>((resolve, reject) => {
        const request = send(
          target,
          {
            method: 'POST',
            lookup,
            timeout: timeoutMs,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(rawBody),
              'user-agent': options.userAgent ?? 'tradeflow-webhooks/1',
              ...headers,
            },
          },
          (response) => {
            response.resume();
            const status = response.statusCode ?? 0;
            if (status >= 200 && status < 300) resolve();
            else reject(new WebhookDeliveryError(`the receiver answered HTTP ${status}`));
          },
        );
        const deadline = setTimeout(() => request.destroy(timeoutError(timeoutMs)), timeoutMs);
        request.on('timeout', () => request.destroy(timeoutError(timeoutMs)));
        request.on('close', () => clearTimeout(deadline));
        request.on('error', (error) =>
          reject(
            error instanceof WebhookDeliveryError
              ? error
              : new WebhookDeliveryError(
                  `the request failed: ${(error as NodeJS.ErrnoException).code ?? error.message}`,
                ),
          ),
        );
        request.end(rawBody);
      });
    },
  };
}

const timeoutError = (ms: number) => new WebhookDeliveryError(`no answer within ${ms} ms`);

/** dns.lookup, refusing every answer that is an address a webhook may not reach. */
function guardedLookup(rules: AddressRules): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => addressProblem(a.address, rules));
      if (refused || addresses.length === 0) {
        const why = refused
          ? `${hostname} resolves to an address that ${addressProblem(refused.address, rules)}`
          : `${hostname} has no address`;
        return callback(new WebhookDeliveryError(why), '', 0);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

import type { AddressRules } from '../domain/webhook-address';
import * as z from '../zod-mini';

/**
 * Loopback webhooks are for development on the local runtime, which sets this in every function's
 * environment; no AWS function has it, so there only public https addresses are reached.
 */
export const loopbackSetting = {
  TRADEFLOW_LOOPBACK_WEBHOOKS: z.optional(z.literal('allow')),
};

export const addressRulesOf = (config: { TRADEFLOW_LOOPBACK_WEBHOOKS?: 'allow' }): AddressRules => ({
  allowLoopback: config.TRADEFLOW_LOOPBACK_WEBHOOKS === 'allow',
});

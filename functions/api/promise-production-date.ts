import { dynamoDocumentClient } from '../../shared/adapters/dynamodb-client';
import { makeDynamoEscalationSettings } from '../../shared/adapters/dynamodb-escalation-settings';
import { loadConfig } from '../../shared/config';
import { promisedDateBody } from '../../shared/contracts/order-actions';
import { makePromiseProductionDate } from '../../shared/use-cases/order-actions/promise-production-date';
import * as z from '../../shared/zod-mini';
import { orderActionHandler } from './order-action-handler';

const config = loadConfig(
  z.object({
    SETTINGS_TABLE: z.string().check(z.minLength(1)),
    /** Local demos run SLA clocks faster; absent on AWS. */
    TRADEFLOW_TIME_SCALE: z._default(z.coerce.number().check(z.positive()), 1),
  }),
);

/** POST /orders/{id}/promised-date (warehouse): the day production promises; the packing SLA counts to it. */
export const handler = orderActionHandler({
  scope: 'promise-production-date',
  body: promisedDateBody,
  make: makePromiseProductionDate,
  more: (deps) => ({
    ...deps,
    waitSchedule: {
      settings: makeDynamoEscalationSettings(dynamoDocumentClient(), config.SETTINGS_TABLE, {
        cacheMs: 60_000,
      }),
      timeScale: config.TRADEFLOW_TIME_SCALE,
    },
  }),
});

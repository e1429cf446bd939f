import { creditDecisionBody } from '../../shared/contracts/order-actions';
import { makeDecideCredit } from '../../shared/use-cases/order-actions/decide-credit';
import { orderActionHandler } from './order-action-handler';

/** POST /orders/{id}/credit-decision (finance): approve or reject an order on credit hold. */
export const handler = orderActionHandler({
  scope: 'decide-credit',
  body: creditDecisionBody,
  make: makeDecideCredit,
});

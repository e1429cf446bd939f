import { formatAmount, type Money } from '../domain/money';

/** Money as events and views carry it: a decimal string and its currency. */
export function moneyOut(money: Money): { amount: string; currency: string } {
  return { amount: formatAmount(money), currency: money.currency };
}

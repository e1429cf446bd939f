import type { PaymentTerms } from '../contracts/common';
import { InvalidInputError } from '../errors';
import { formatAmount, type Money } from './money';
import { add, percentOf, subtract, zero } from './money-math';

export type InstallmentKind = 'deposit' | 'balance' | 'full';

/** When an installment falls due, in lifecycle terms; the days variant counts from delivery. */
export type DueOn = 'confirmation' | 'before-shipment' | 'delivery' | { daysAfterDelivery: number };

export interface Installment {
  kind: InstallmentKind;
  amount: Money;
  dueOn: DueOn;
  /** For the buyer's confirmation email and the order view ("30% deposit on confirmation"). */
  label: string;
}

/** The installments in the order they fall due; they sum exactly to the total. */
export interface PaymentSchedule {
  total: Money;
  installments: Installment[];
}

/**
 * The installments the terms ask for. Deposits round half up in minor units and the balance is the
 * rest, so the installments always sum to the total; an installment that rounds to nothing is left
 * out, since no one should wait for a payment of zero.
 */
export function paymentSchedule(terms: PaymentTerms, total: Money): PaymentSchedule {
  if (!Number.isSafeInteger(total.minor) || total.minor < 0) {
    throw new InvalidInputError('the order total must be zero or more', 'total');
  }
  return { total, installments: installmentsFor(terms, total).filter((i) => i.amount.minor > 0) };
}

function installmentsFor(terms: PaymentTerms, total: Money): Installment[] {
  switch (terms.type) {
    case 'TT': {
      const deposit = percentOf(total, terms.depositPercent);
      const rest = 100 - terms.depositPercent;
      return [
        {
          kind: 'deposit',
          amount: deposit,
          dueOn: 'confirmation',
          label: `${terms.depositPercent}% deposit on confirmation`,
        },
        {
          kind: 'balance',
          amount: subtract(total, deposit),
          dueOn: 'before-shipment',
          label: `${rest}% balance before shipment`,
        },
      ];
    }
    case 'LC':
      return [full(total, 'before-shipment', 'Letter of credit at sight, paid through the bank')];
    case 'DP':
      return [full(total, 'delivery', 'Documents against payment, due when the documents are delivered')];
    case 'DA':
      return [
        full(
          total,
          { daysAfterDelivery: terms.days },
          `Documents against acceptance, due ${terms.days} days after acceptance`,
        ),
      ];
    case 'OA':
      return [
        full(
          total,
          { daysAfterDelivery: terms.netDays },
          `Open account, net ${terms.netDays} days after delivery`,
        ),
      ];
    case 'PREPAID':
      return [full(total, 'confirmation', 'Paid in full before production')];
  }
}

function full(amount: Money, dueOn: DueOn, label: string): Installment {
  return { kind: 'full', amount, dueOn, label };
}

/**
 * The points in the lifecycle that wait for money: `deposit` before stock and production,
 * `balance` before shipment (includes the deposit), `full` everything.
 */
export type CoverageStage = 'deposit' | 'balance' | 'full';

const STAGE_RANK: Record<CoverageStage, number> = { deposit: 0, balance: 1, full: 2 };

function dueRank(dueOn: DueOn): number {
  if (dueOn === 'confirmation') return 0;
  if (dueOn === 'before-shipment') return 1;
  return 2;
}

/** How much must have been paid, in all, by the stage. */
export function amountDueBy(schedule: PaymentSchedule, stage: CoverageStage): Money {
  return schedule.installments
    .filter((i) => dueRank(i.dueOn) <= STAGE_RANK[stage])
    .reduce((sum, i) => add(sum, i.amount), zero(schedule.total.currency));
}

/** Whether what was paid so far covers everything due by the stage. */
export function isCovered(schedule: PaymentSchedule, paid: Money, stage: CoverageStage): boolean {
  if (paid.currency !== schedule.total.currency) {
    throw new InvalidInputError(
      `payments are in ${paid.currency}; the order is in ${schedule.total.currency}`,
    );
  }
  return paid.minor >= amountDueBy(schedule, stage).minor;
}

/** Everything due on confirmation: lets stock allocation and production start. */
export function depositCovered(schedule: PaymentSchedule, paid: Money): boolean {
  return isCovered(schedule, paid, 'deposit');
}

/** Everything due before shipment (deposit, balance, an LC): lets the goods leave. */
export function balanceCovered(schedule: PaymentSchedule, paid: Money): boolean {
  return isCovered(schedule, paid, 'balance');
}

export function fullyPaid(schedule: PaymentSchedule, paid: Money): boolean {
  return isCovered(schedule, paid, 'full');
}

/** Whether the lifecycle has to wait for money at the stage (decides the optional AWAITING_* states). */
export function asksForPaymentBy(schedule: PaymentSchedule, stage: CoverageStage): boolean {
  return amountDueBy(schedule, stage).minor > 0;
}

export interface PaymentApplication {
  /** All money received so far, this payment included. */
  paid: Money;
  /** Installments covered after this payment, in schedule order. */
  covered: Installment[];
  /** Installments this payment completed (not covered before it). */
  newlyCovered: Installment[];
  /** The first installment not yet covered, with what is still missing on it. */
  next?: { installment: Installment; missing: Money };
  /** Still owed on the whole order (never negative). */
  outstanding: Money;
  /** Received beyond the total: kept, shown, and to be refunded or credited by finance. */
  overpayment: Money;
}

/**
 * Adds a payment to what was paid so far. Money fills the installments in the order they fall due,
 * so a partial payment counts towards the first open one and several partial payments add up.
 */
export function applyPayment(
  schedule: PaymentSchedule,
  paidSoFar: Money,
  payment: Money,
): PaymentApplication {
  const currency = schedule.total.currency;
  if (payment.currency !== currency) {
    throw new InvalidInputError(
      `the payment is in ${payment.currency}; the order is in ${currency}`,
      'currency',
    );
  }
  if (!Number.isSafeInteger(payment.minor) || payment.minor <= 0) {
    throw new InvalidInputError('a payment must be more than zero', 'amount');
  }
  if (paidSoFar.currency !== currency) {
    throw new InvalidInputError(`earlier payments are in ${paidSoFar.currency}; the order is in ${currency}`);
  }
  const paid = add(paidSoFar, payment);
  const before = coverage(schedule, paidSoFar);
  const after = coverage(schedule, paid);
  const remaining = subtract(schedule.total, paid);
  return {
    paid,
    covered: after.covered,
    newlyCovered: after.covered.filter((i) => !before.covered.includes(i)),
    ...(after.next ? { next: after.next } : {}),
    outstanding: remaining.minor > 0 ? remaining : zero(currency),
    overpayment: remaining.minor < 0 ? { currency, minor: -remaining.minor } : zero(currency),
  };
}

function coverage(schedule: PaymentSchedule, paid: Money) {
  const covered: Installment[] = [];
  let cumulative = 0;
  for (const installment of schedule.installments) {
    cumulative += installment.amount.minor;
    if (paid.minor < cumulative) {
      const missing = { currency: paid.currency, minor: cumulative - paid.minor };
      return { covered, next: { installment, missing } };
    }
    covered.push(installment);
  }
  return { covered, next: undefined };
}

/**
 * When an installment falls due as an instant, once the goods are delivered (ISO 8601, UTC);
 * undefined for installments due before delivery.
 */
export function dueDate(installment: Installment, deliveredAt: string): string | undefined {
  const delivered = Date.parse(deliveredAt);
  if (Number.isNaN(delivered)) throw new InvalidInputError(`"${deliveredAt}" is not a date`, 'deliveredAt');
  const { dueOn } = installment;
  if (dueOn === 'delivery') return new Date(delivered).toISOString();
  if (typeof dueOn === 'object') return new Date(delivered + dueOn.daysAfterDelivery * DAY_MS).toISOString();
  return undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** "30% deposit on confirmation: USD 300.00", for emails and the timeline. */
export function describeInstallment(installment: Installment): string {
  return `${installment.label}: ${installment.amount.currency} ${formatAmount(installment.amount)}`;
}

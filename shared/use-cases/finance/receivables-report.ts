import { type AgingReport, agingReport, daysOverdue } from '../../domain/aging';
import { ExchangeRateMissingError, RateTable } from '../../domain/exchange-rates';
import type { Money } from '../../domain/money';
import { add, zero } from '../../domain/money-math';
import type { OpenInstallment, OrderReceivable } from '../../domain/receivables';
import type { Clock } from '../../ports/clock';
import type { ExchangeRateSettingsStore } from '../../ports/exchange-rate-settings';
import type { ReceivableReader } from '../../ports/receivables';

export interface ReceivableLine extends OpenInstallment {
  orderId: string;
  customerId: string;
  orderStatus: OrderReceivable['status'];
  /** Days past the due date on `asOf` (0 or less: not overdue); absent while not yet due. */
  daysOverdue?: number;
}

export interface ReceivablesListing {
  asOf: string;
  items: ReceivableLine[];
  /** Paid beyond an order's total: the customer's credit, until finance refunds or applies it. */
  credits: { orderId: string; customerId: string; amount: Money }[];
  /** Per currency: open in all, of which overdue, and scheduled but not yet due. */
  totals: { currency: string; outstanding: Money; overdue: Money; notYetDue: Money }[];
}

/**
 * GET /receivables: each open installment of each order with its due date and what is outstanding,
 * read from the sparse open-receivables index (never every order), oldest due first.
 */
export function makeListReceivables({ receivables, clock }: { receivables: ReceivableReader; clock: Clock }) {
  return async (query: { customerId?: string; asOf?: string }): Promise<ReceivablesListing> => {
    const asOf = query.asOf ?? clock.now().toISOString().slice(0, 10);
    const open = await receivables.list({ customerId: query.customerId });
    const items = open
      .flatMap((r) =>
        r.open.map(
          (installment): ReceivableLine => ({
            orderId: r.orderId,
            customerId: r.customerId,
            orderStatus: r.status,
            ...installment,
            ...(installment.dueAt ? { daysOverdue: daysOverdue(installment.dueAt, asOf) } : {}),
          }),
        ),
      )
      // Oldest due first; not yet due last.
      .sort((a, b) => byText(a.dueAt ?? '\uffff', b.dueAt ?? '\uffff') || byText(a.orderId, b.orderId));
    const totals = new Map<string, ReceivablesListing['totals'][number]>();
    for (const item of items) {
      const currency = item.outstanding.currency;
      const line = totals.get(currency) ?? {
        currency,
        outstanding: zero(currency),
        overdue: zero(currency),
        notYetDue: zero(currency),
      };
      line.outstanding = add(line.outstanding, item.outstanding);
      if ((item.daysOverdue ?? 0) > 0) line.overdue = add(line.overdue, item.outstanding);
      if (!item.dueAt) line.notYetDue = add(line.notYetDue, item.outstanding);
      totals.set(currency, line);
    }
    return {
      asOf,
      items,
      credits: open.flatMap((r) =>
        r.credit ? [{ orderId: r.orderId, customerId: r.customerId, amount: r.credit }] : [],
      ),
      totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    };
  };
}

export interface AgingAnswer extends AgingReport {
  companyCurrency: string;
  /** Why there is no company-currency view (a rate missing for the report date). */
  conversionProblem?: string;
  /** Open but not yet due, so in no bucket: a TT balance before production ends, OA before delivery. */
  notYetDue: Money[];
}

/**
 * GET /receivables/aging: what is owed by days overdue (current, 1–30, 31–60, 61–90, 90+), per
 * customer and in total, in each currency and in the company currency at the rates in effect on the
 * report date. Installments with no due date yet are not aged; they are totalled in `notYetDue`.
 */
export function makeAgingReport(deps: {
  receivables: ReceivableReader;
  rates: ExchangeRateSettingsStore;
  clock: Clock;
}) {
  return async (query: { asOf?: string }): Promise<AgingAnswer> => {
    const asOf = query.asOf ?? deps.clock.now().toISOString().slice(0, 10);
    const [open, settings] = await Promise.all([deps.receivables.list(), deps.rates.get()]);
    const dated = open.flatMap((r) =>
      r.open.flatMap((i) =>
        i.dueAt
          ? [
              {
                customerId: r.customerId,
                orderId: r.orderId,
                invoiceNumber: i.kind,
                outstanding: i.outstanding,
                dueAt: i.dueAt,
              },
            ]
          : [],
      ),
    );
    const notYetDue = new Map<string, Money>();
    for (const r of open) {
      for (const i of r.open.filter((x) => !x.dueAt)) {
        const c = i.outstanding.currency;
        notYetDue.set(c, add(notYetDue.get(c) ?? zero(c), i.outstanding));
      }
    }
    const extra = {
      companyCurrency: settings.companyCurrency,
      notYetDue: [...notYetDue.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    };
    const company = { currency: settings.companyCurrency, rates: new RateTable(settings.rates) };
    try {
      return { ...agingReport(dated, asOf, company), ...extra };
    } catch (error) {
      if (!(error instanceof ExchangeRateMissingError)) throw error;
      return {
        ...agingReport(dated, asOf),
        ...extra,
        conversionProblem: `${error.message}: PUT /settings/exchange-rates to add it`,
      };
    }
  };
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

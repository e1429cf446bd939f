import type { PageContext } from '../../shell/contract';
import { formatDate, formatMoney, formatMoneyList, formatNumber, formatRatio } from '../../ui/format';
import { section } from '../../ui/section';
import { facts } from '../../ui/table';
import { type Insights, nextOrderState } from './customer-model';

/** Revenue, order rhythm, the predicted next order, quote win rate and open exposure. */
export function insightsSection(ctx: Pick<PageContext, 't' | 'language'>, insights: Insights): HTMLElement {
  const { t, language } = ctx;
  const next = nextOrderState(insights);
  const company = insights.inCompanyCurrency;
  // The company-currency figure adds something only when another currency is in the list.
  const onlyCompany = insights.lifetimeRevenue.every((money) => money.currency === company?.currency);
  const inCompany = (money: { amount: string; currency: string } | undefined) =>
    money && !onlyCompany
      ? ` (${t('customer.inCompanyCurrency', { currency: formatMoney(money, language) })})`
      : '';
  return section(
    t('customer.insights'),
    facts([
      [
        t('customer.revenue'),
        formatMoneyList(insights.lifetimeRevenue, language) + inCompany(company?.lifetimeRevenue),
      ],
      [
        t('customer.averageOrder'),
        formatMoneyList(insights.averageOrderValue, language) + inCompany(company?.averageOrderValue),
      ],
      [
        t('customer.orderCount', { cancelled: insights.orders.cancelled }),
        formatNumber(insights.orders.count, language),
      ],
      [
        t('customer.firstLastOrder'),
        `${formatDate(insights.orders.firstAt, language)} / ${formatDate(insights.orders.lastAt, language)}`,
      ],
      [
        t('customer.interval'),
        insights.averageDaysBetweenOrders === null
          ? '—'
          : formatNumber(insights.averageDaysBetweenOrders, language),
      ],
      [
        t('customer.nextOrder'),
        next.state === 'late'
          ? t('customer.next.late', { at: formatDate(next.at, language), days: next.days })
          : next.state === 'expected'
            ? t('customer.next.expected', { at: formatDate(next.at, language) })
            : t('customer.next.unknown'),
      ],
      [
        t('customer.winRate'),
        t('customer.winRateValue', {
          rate: formatRatio(insights.quotes.winRate, language),
          accepted: insights.quotes.accepted,
          decided: insights.quotes.decided,
          sent: insights.quotes.sent,
        }),
      ],
      [
        t('customer.inquiryCount', { lost: insights.inquiries.lost }),
        formatNumber(insights.inquiries.count, language),
      ],
      [t('customer.exposure'), formatMoneyList(insights.openExposure.outstanding, language)],
      [t('customer.creditLimit'), formatMoney(insights.openExposure.creditLimit, language)],
      [t('customer.headroom'), formatMoney(insights.openExposure.headroom, language)],
    ]),
  );
}

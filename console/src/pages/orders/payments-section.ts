import type { PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { formatDate, formatDateTime, formatMoney } from '../../ui/format';
import type { Installment, OrderView } from './order-types';
import { facts, section, table } from './section-parts';

/** `confirmation`, `before-shipment`, `delivery` or `{ daysAfterDelivery }`, in words. */
function dueText(ctx: PageContext, dueOn: Installment['dueOn']): string {
  if (!dueOn) return '—';
  if (typeof dueOn === 'object') return ctx.t('due.daysAfterDelivery', { days: dueOn.daysAfterDelivery });
  const key = `due.${dueOn}`;
  const text = ctx.t(key);
  return text === key ? dueOn : text;
}

export function paymentsSection(ctx: PageContext, order: OrderView): HTMLElement {
  const { t, language } = ctx;
  const money = (amount: string) => formatMoney({ amount, currency: order.currency }, language);
  const review = order.creditReview;
  return section(
    'payments',
    t('order.payments'),
    facts([
      [t('order.total'), money(order.totals.total)],
      [t('order.paid'), money(order.paid)],
      [
        t('order.outstanding'),
        h('strong', { 'data-outstanding': order.outstanding }, money(order.outstanding)),
      ],
      [t('order.overpaid'), order.overpaid ? money(order.overpaid) : undefined],
      [t('order.paymentDue'), order.paymentDueAt ? formatDate(order.paymentDueAt, language) : undefined],
      [
        t('order.credit'),
        review
          ? `${review.decision}${review.finalDecision ? ` → ${review.finalDecision.decision}` : ''}${review.reason ? `: ${review.reason}` : ''}`
          : undefined,
      ],
    ]),
    order.paymentSchedule
      ? [
          h('h3', null, t('order.schedule')),
          table(
            [t('order.installment'), t('order.amount'), t('order.dueOn'), t('order.covered')],
            order.paymentSchedule.installments.map((installment) => [
              installment.label,
              money(installment.amount),
              dueText(ctx, installment.dueOn),
              installment.covered ? t('order.yes') : t('order.no'),
            ]),
            [1],
          ),
        ]
      : null,
    order.payments.length
      ? [
          h('h3', null, t('order.received')),
          table(
            [t('order.reference'), t('order.amount'), t('order.receivedAt')],
            order.payments.map((payment) => [
              payment.reference,
              money(payment.amount),
              formatDateTime(payment.receivedAt, language),
            ]),
            [1],
          ),
        ]
      : h('p', null, t('order.noPayments')),
  );
}

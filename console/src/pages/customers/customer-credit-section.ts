import type { PageContext } from '../../shell/contract';
import { actionForm, field, input } from '../../ui/form';
import { formatDateTime, formatMoney } from '../../ui/format';
import { section } from '../../ui/section';
import { facts, table } from '../../ui/table';
import { type CustomerCredit, termsText } from './customer-model';

type Terms = CustomerCredit['history'][number]['before'];
const termsLine = (terms: Terms, language: string) =>
  `${formatMoney(terms.creditLimit, language)} · ${termsText(terms.paymentTerms)}`;

/** The credit limit and terms with every change (who, when, why); finance changes the limit here. */
export function creditSection(
  ctx: PageContext,
  credit: CustomerCredit,
  reload: () => Promise<void>,
): HTMLElement {
  const { t, language } = ctx;
  const change =
    ctx.role === 'finance'
      ? actionForm(ctx, {
          label: t('customer.changeCredit'),
          fields: [
            field(
              t('customer.limitAmount'),
              input('amount', {
                inputmode: 'decimal',
                required: true,
                value: credit.creditLimit?.amount ?? '',
              }),
            ),
            field(
              t('customer.limitCurrency'),
              input('currency', {
                maxlength: 3,
                size: 4,
                required: true,
                value: credit.creditLimit?.currency ?? '',
              }),
            ),
            field(t('customer.creditNote'), input('note', { maxlength: 500 })),
          ],
          submit: t('customer.saveCredit'),
          onSubmit: async (values) => {
            await ctx.api.put(`/customers/${encodeURIComponent(credit.customerId)}/credit`, {
              version: credit.version,
              creditLimit: { amount: values.amount, currency: values.currency.toUpperCase() },
              ...(values.note ? { note: values.note } : {}),
            });
            ctx.notify('info', t('customer.creditSaved'));
            await reload();
          },
        })
      : null;
  return section(
    t('customer.credit'),
    facts([
      [t('customer.creditLimit'), formatMoney(credit.creditLimit, language)],
      [t('customer.paymentTerms'), termsText(credit.paymentTerms)],
    ]),
    table(
      t('customer.credit'),
      [
        { header: t('common.at'), rowHeader: true, cell: (c) => formatDateTime(c.at, language) },
        { header: t('common.by'), cell: (c) => c.by.role ?? c.by.id },
        { header: t('customer.col.before'), cell: (c) => termsLine(c.before, language) },
        { header: t('customer.col.after'), cell: (c) => termsLine(c.after, language) },
        { header: t('common.note'), cell: (c) => c.note ?? '—' },
      ],
      [...credit.history].reverse(),
      { empty: t('customer.creditHistoryEmpty') },
    ),
    change,
  );
}

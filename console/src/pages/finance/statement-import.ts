import type { PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { actionForm, field, newIdempotencyKey, select } from '../../ui/form';
import { formatMoney } from '../../ui/format';
import { section } from '../../ui/section';
import { table } from '../../ui/table';
import { statementFormat } from './reconciliation-model';

interface ImportAnswer {
  format: 'camt053' | 'csv';
  counts: {
    transactions: number;
    alreadyImported: number;
    matched: number;
    unmatched: number;
    notApplicable: number;
  };
  transactions: {
    transactionId: string;
    bankReference: string;
    bookingDate: string;
    amount: { amount: string; currency: string };
    status: string;
    alreadyImported: boolean;
    reason?: string;
  }[];
}

/** The file's bytes as base64 (the JSON envelope's `encoding: base64`), so any text encoding survives. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The statement upload: a CSV or camt.053 file sent in the API's JSON envelope; the answer's counts
 * are announced and its transactions listed; `imported` lets the queue read itself again.
 */
export function statementImport(ctx: PageContext, imported: () => Promise<void>): HTMLElement {
  const { t, language } = ctx;
  const file = h('input', {
    type: 'file',
    name: 'file',
    accept: '.csv,.xml,text/csv,application/xml,text/xml',
    required: true,
  });
  const result = h('div', { 'aria-live': 'polite' });
  const form = actionForm(ctx, {
    label: t('recon.import'),
    fields: [
      field(t('recon.file'), file, t('recon.fileHint')),
      field(
        t('recon.format'),
        select('format', [
          ['', t('recon.format.auto')],
          ['csv', 'CSV'],
          ['camt053', 'camt.053'],
        ]),
      ),
    ],
    submit: t('recon.importButton'),
    onSubmit: async (values) => {
      const chosen = file.files?.[0];
      if (!chosen) {
        ctx.notify('error', t('recon.noFile'));
        return;
      }
      const head = await chosen.slice(0, 256).text();
      const format = values.format || statementFormat(chosen.name, head);
      const answer = await ctx.api.post<ImportAnswer>(
        '/bank-transactions',
        { format, content: await base64Of(chosen), encoding: 'base64' },
        { idempotencyKey: newIdempotencyKey() },
      );
      const { counts } = answer;
      ctx.notify(
        'info',
        t('recon.imported', {
          format: answer.format === 'csv' ? 'CSV' : 'camt.053',
          transactions: counts.transactions,
          matched: counts.matched,
          unmatched: counts.unmatched,
          already: counts.alreadyImported,
        }),
      );
      result.replaceChildren(
        section(
          t('recon.importResult'),
          table(
            t('recon.importResult'),
            [
              { header: t('recon.col.booked'), cell: (x) => x.bookingDate },
              { header: t('common.amount'), numeric: true, cell: (x) => formatMoney(x.amount, language) },
              { header: 'ID', rowHeader: true, cell: (x) => x.transactionId },
              { header: t('common.status'), cell: (x) => t(`recon.status.${x.status}`) },
              { header: t('recon.col.why'), cell: (x) => x.reason ?? '' },
            ],
            answer.transactions,
            { empty: '' },
          ),
        ),
      );
      form.reset();
      await imported();
    },
  });
  return h('div', null, form, result);
}

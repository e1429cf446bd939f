import type { PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { errorText } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import type { OrderView } from './order-types';
import { section, table } from './section-parts';

export function documentsSection(ctx: PageContext, order: OrderView): HTMLElement {
  const { t, language } = ctx;
  const save = async (kind: string, button: HTMLButtonElement) => {
    if (!ctx.api.blob) return;
    button.disabled = true;
    try {
      // Customs data is JSON (or CSV); every other document a PDF.
      const json = kind === 'customs-declaration';
      const blob = await ctx.api.blob(
        `/orders/${encodeURIComponent(order.orderId)}/documents/${encodeURIComponent(kind)}${json ? '?format=json' : ''}`,
        json ? 'application/json' : 'application/pdf',
      );
      // Saved as a download: a tab opened after the call would be taken for a pop-up.
      const url = URL.createObjectURL(blob);
      h('a', { href: url, download: `${kind}-${order.orderId}.${json ? 'json' : 'pdf'}` }).click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      ctx.notify('error', errorText(error));
    } finally {
      button.disabled = false;
    }
  };
  const documents = order.documents ?? [];
  return section(
    'documents',
    t('order.documents'),
    (order.documentTasks ?? []).map((task) =>
      h(
        'div',
        { class: 'notice notice-error', role: 'note' },
        h('p', null, `${t('order.documentsHeld')}: ${task.summary}`),
        h(
          'ul',
          null,
          task.problems.map((problem) => h('li', null, problem)),
        ),
      ),
    ),
    documents.length
      ? table(
          [t('order.documentKind'), t('order.documentNumber'), t('order.version'), t('order.issued'), ''],
          documents.map((document) => {
            const button = h(
              'button',
              { type: 'button', 'data-document': document.kind },
              t('order.openDocument'),
            );
            button.addEventListener('click', () => void save(document.kind, button));
            return [
              t(`document.${document.kind}`) === `document.${document.kind}`
                ? document.kind
                : t(`document.${document.kind}`),
              document.number,
              String(document.version),
              formatDateTime(document.issuedAt, language),
              button,
            ];
          }),
        )
      : h('p', null, t('order.noDocuments')),
  );
}

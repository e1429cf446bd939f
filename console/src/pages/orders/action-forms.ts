import { TRANSPORT_MODES } from '../../../../shared/domain/shipment';
import { TRACKING_STATUSES } from '../../../../shared/domain/tracking';
import type { PageContext } from '../../shell/contract';
import { roleName } from '../../shell/i18n';
import { type Child, h, uniqueId } from '../../ui/dom';
import { actionButton, actionForm, field, input, select, textarea } from '../../ui/form';
import { amountDueNow, ORDER_ACTIONS, type OrderAction } from './order-actions';
import type { OrderView } from './order-types';
import { packingEditor } from './packing-editor';

type Values = Record<string, string>;

/** A local date-time for `<input type="datetime-local">` (now, to the minute). */
const localNow = () => {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
/** `<input type="datetime-local">` (the person's time) → an ISO instant with its offset (UTC). */
const instant = (local: string) => new Date(local).toISOString();
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
/** Only the fields that were filled in (the API refuses empty strings where a field is optional). */
const filled = (values: Values, names: string[]) =>
  Object.fromEntries(names.filter((name) => values[name]).map((name) => [name, values[name]]));

export interface ActionContext {
  ctx: PageContext;
  order: OrderView;
  /** After a call the API accepted: tell the person, then show the order as it is now. */
  done(action: OrderAction): Promise<void>;
}

/**
 * One action of the order page: a button that opens its small form (or does it at once, for a
 * retry), with who may do it. Every submission is one API call with its own Idempotency-Key; a
 * refusal (400, 403, 409) shows the API's message in the notification area.
 */
export function actionPanel(context: ActionContext, action: OrderAction): HTMLElement {
  const { t } = context.ctx;
  const who = ORDER_ACTIONS[action].roles.map((role) => roleName(t, role)).join(', ');
  const panelId = uniqueId(`action-${action}`);
  const body = actionBody(context, action);
  body.id = panelId;
  body.hidden = true;
  const toggle = h(
    'button',
    {
      type: 'button',
      class: action === 'cancel' ? 'danger' : 'primary',
      'aria-expanded': 'false',
      'aria-controls': panelId,
      'data-action': action,
    },
    t(`action.${action}`),
  );
  toggle.addEventListener('click', () => {
    const open = body.hidden;
    body.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (open) body.querySelector<HTMLElement>('input, select, textarea, button')?.focus();
  });
  return h(
    'div',
    { class: 'panel action', 'data-action-panel': action },
    h(
      'div',
      { class: 'actions' },
      toggle,
      h('span', { class: 'action-who' }, t('order.actionWho', { roles: who })),
    ),
    body,
  );
}

function actionBody(context: ActionContext, action: OrderAction): HTMLElement {
  const { ctx, order } = context;
  const { t } = ctx;
  const path = ORDER_ACTIONS[action].path.replace('{id}', encodeURIComponent(order.orderId));
  let key = crypto.randomUUID();
  const post = async (body: unknown) => {
    await ctx.api.post(path, body, { idempotencyKey: key });
    key = crypto.randomUUID();
    await context.done(action);
  };
  const form = (fields: Child[], toBody: (values: Values, form: HTMLFormElement) => unknown) =>
    actionForm(ctx, {
      label: t(`action.${action}`),
      fields,
      submit: t(`action.${action}.submit`),
      onSubmit: (values, element) => post(toBody(values, element)),
      attrs: { 'data-form': action },
    });
  const label = (name: string) => t(`field.${name}`);
  const required = (name: string, attrs: Record<string, string | number | boolean> = {}) =>
    input(name, { required: true, ...attrs });

  switch (action) {
    case 'credit-decision': {
      const note = textarea('note');
      const decide = (decision: 'approve' | 'reject') =>
        actionButton(
          ctx,
          t(`action.credit-decision.${decision}`),
          () => post({ decision, ...(note.value.trim() ? { note: note.value.trim() } : {}) }),
          { class: decision === 'approve' ? 'primary' : 'danger', 'data-decision': decision },
        );
      return h(
        'fieldset',
        { 'data-form': action },
        h('legend', null, t('action.credit-decision')),
        order.creditReview?.reason ? h('p', null, order.creditReview.reason) : null,
        field(label('note'), note),
        h('div', { class: 'actions' }, decide('approve'), decide('reject')),
      );
    }
    case 'payment':
      return form(
        [
          field(
            label('amount'),
            required('amount', { value: amountDueNow(order), inputmode: 'decimal' }),
            t('order.amountHint', { currency: order.currency }),
          ),
          field(label('reference'), required('reference', { autocomplete: 'off' }), t('order.referenceHint')),
        ],
        (values) => ({ amount: values.amount, currency: order.currency, reference: values.reference }),
      );
    case 'stock-receipt':
      return stockReceiptForm(context, path);
    case 'packing':
      return packingEditor(context, (packages) => post({ packages }));
    case 'promised-date':
      return form(
        [
          field(
            label('promisedDate'),
            required('promisedDate', { type: 'date', value: order.promisedDate ?? inDays(7) }),
          ),
          field(label('note'), textarea('note')),
        ],
        (values) => ({ promisedDate: values.promisedDate, ...filled(values, ['note']) }),
      );
    case 'documents-retry':
      return h(
        'div',
        { 'data-form': action },
        (order.documentTasks ?? []).map((task) => h('p', null, task.summary)),
        actionButton(ctx, t('action.documents-retry.submit'), () => post({}), { class: 'primary' }),
      );
    case 'shipment':
      return form(
        [
          field(label('carrier'), required('carrier')),
          field(
            label('mode'),
            select(
              'mode',
              TRANSPORT_MODES.map((mode) => [mode, t(`mode.${mode}`)] as const),
              'SEA',
            ),
          ),
          field(label('transportDocumentNo'), required('transportDocumentNo')),
          field(label('trackingNumber'), required('trackingNumber')),
          field(label('trackingUrl'), input('trackingUrl', { type: 'url' })),
          field(label('vesselOrFlight'), input('vesselOrFlight')),
          field(label('etd'), required('etd', { type: 'date', value: today() })),
          field(label('eta'), required('eta', { type: 'date', value: inDays(30) })),
          field(label('portOfLoading'), input('portOfLoading')),
          field(label('portOfDischarge'), input('portOfDischarge')),
        ],
        (values) => ({
          ...filled(values, [
            'carrier',
            'mode',
            'transportDocumentNo',
            'trackingNumber',
            'trackingUrl',
            'vesselOrFlight',
          ]),
          etd: values.etd,
          eta: values.eta,
          ...filled(values, ['portOfLoading', 'portOfDischarge']),
        }),
      );
    case 'tracking-event':
      return form(
        [
          field(
            label('trackingStatus'),
            select(
              'status',
              TRACKING_STATUSES.map((status) => [status, t(`tracking.${status}`)] as const),
              'DEPARTED',
            ),
          ),
          field(label('at'), required('at', { type: 'datetime-local', value: localNow() })),
          field(label('location'), input('location')),
          field(label('note'), textarea('note')),
          field(label('newEta'), input('newEta', { type: 'date' }), t('order.newEtaHint')),
        ],
        (values) => ({
          status: values.status,
          at: instant(values.at),
          ...filled(values, ['location', 'note', 'newEta']),
        }),
      );
    case 'delivery':
      return form(
        [
          field(label('deliveredAt'), required('deliveredAt', { type: 'datetime-local', value: localNow() })),
          field(label('receivedBy'), input('receivedBy')),
        ],
        (values) => ({ deliveredAt: instant(values.deliveredAt), ...filled(values, ['receivedBy']) }),
      );
    case 'cancel':
      return form([field(label('reason'), textarea('reason', '', { required: true }))], (values) => ({
        reason: values.reason,
      }));
  }
}

/** A receipt per short sku (POST /inventory/receipts resumes the orders waiting for it, oldest first). */
function stockReceiptForm(context: ActionContext, path: string): HTMLElement {
  const { ctx, order } = context;
  const { t } = ctx;
  const shortfalls = order.shortfalls ?? [];
  const quantities = shortfalls.map((shortfall) =>
    input(`qty-${shortfall.sku}`, {
      type: 'number',
      min: 1,
      step: 1,
      value: shortfall.short,
      required: true,
    }),
  );
  return actionForm(ctx, {
    label: t('action.stock-receipt'),
    fields: shortfalls.length
      ? shortfalls.map((shortfall, index) =>
          field(t('order.receiptOf', { sku: shortfall.sku }), quantities[index]),
        )
      : [h('p', null, t('order.noShortfalls'))],
    submit: t('action.stock-receipt.submit'),
    attrs: { 'data-form': 'stock-receipt' },
    onSubmit: async () => {
      for (const [index, shortfall] of shortfalls.entries())
        await ctx.api.post(path, { sku: shortfall.sku, quantity: Number(quantities[index].value) });
      await context.done('stock-receipt');
    },
  });
}

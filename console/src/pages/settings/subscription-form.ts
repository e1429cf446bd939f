import type { PageContext } from '../../shell/contract';
import { h, uniqueId } from '../../ui/dom';
import { actionForm, field, input, newIdempotencyKey, select, textarea } from '../../ui/form';
import { listText, type Subscription, subscriptionBody } from './subscription-model';

/** The settings fields of a subscription form, prefilled from `current` when changing one. */
function settingsFields(ctx: PageContext, current: Subscription | undefined, enabled: HTMLInputElement) {
  const { t } = ctx;
  const enabledId = uniqueId('enabled');
  enabled.id = enabledId;
  return [
    field(t('subs.name'), input('name', { required: true, maxlength: 200, value: current?.name ?? '' })),
    field(
      t('subs.emails'),
      textarea('emails', (current?.emails ?? []).join('\n'), { rows: 3 }),
      t('subs.emailsHint'),
    ),
    field(
      t('subs.webhookUrl'),
      input('webhookUrl', { type: 'url', maxlength: 2048, value: current?.webhook?.url ?? '' }),
    ),
    field(
      t('subs.webhookSecret'),
      input('webhookSecret', {
        type: 'password',
        minlength: 16,
        maxlength: 256,
        autocomplete: 'new-password',
      }),
      t('subs.webhookSecretHint'),
    ),
    field(
      t('subs.eventTypes'),
      input('eventTypes', { value: listText(current?.filters.eventTypes) }),
      t('subs.filterHint'),
    ),
    field(
      t('subs.customerIds'),
      input('customerIds', { value: listText(current?.filters.customerIds) }),
      t('subs.filterHint'),
    ),
    field(
      t('subs.countries'),
      input('countries', { value: listText(current?.filters.countries) }),
      t('subs.filterHint'),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: enabledId, class: 'check' }, enabled, ` ${t('subs.enabled')}`),
    ),
  ];
}

/** After a save: the page reads the list again and shows a webhook secret the API returned (only this once). */
export type Saved = (secret?: string) => Promise<void>;

/** `POST /subscriptions`: a department (admin picks any, a department role its own) and the settings. */
export function createSubscriptionForm(
  ctx: PageContext,
  departments: readonly string[],
  saved: Saved,
): HTMLFormElement {
  const { t } = ctx;
  const enabled = h('input', { type: 'checkbox', name: 'enabled', checked: true });
  return actionForm(ctx, {
    label: t('subs.create'),
    fields: [
      field(
        t('subs.department'),
        select(
          'department',
          departments.map((d) => [d, t(`subs.department.${d}`)] as const),
        ),
      ),
      settingsFields(ctx, undefined, enabled),
    ],
    submit: t('subs.createButton'),
    onSubmit: async (values, form) => {
      const created = await ctx.api.post<Subscription>(
        '/subscriptions',
        { department: values.department, ...subscriptionBody(values, enabled.checked) },
        { idempotencyKey: newIdempotencyKey() },
      );
      ctx.notify('info', t('subs.created', { id: created.subscriptionId }));
      form.reset();
      await saved(created.webhook?.secret);
    },
  });
}

/** `PUT /subscriptions/{id}`: the whole settings, at the version read (a change made since answers 409). */
export function changeSubscriptionForm(
  ctx: PageContext,
  current: Subscription,
  saved: Saved,
): HTMLFormElement {
  const { t } = ctx;
  const enabled = h('input', { type: 'checkbox', name: 'enabled', checked: current.enabled });
  return actionForm(ctx, {
    label: t('subs.change', { name: current.name }),
    fields: settingsFields(ctx, current, enabled),
    submit: t('subs.saveButton'),
    onSubmit: async (values) => {
      const stored = await ctx.api.put<Subscription>(
        `/subscriptions/${encodeURIComponent(current.subscriptionId)}`,
        {
          ...subscriptionBody(values, enabled.checked),
          version: current.version,
        },
      );
      ctx.notify('info', t('subs.saved'));
      await saved(stored.webhook?.secret);
    },
  });
}

import type { PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { actionForm, field, input } from '../../ui/form';
import { formatMoney } from '../../ui/format';
import { section } from '../../ui/section';
import { facts, table } from '../../ui/table';
import {
  type Customer,
  formatTags,
  PROFILE_FIELDS,
  type ProfileField,
  profilePatch,
  termsText,
} from './customer-model';

const FIELD_ATTRS: Record<ProfileField, Record<string, string | number>> = {
  name: { maxlength: 200, required: 'required', autocomplete: 'off' },
  email: { type: 'email', maxlength: 254, required: 'required' },
  company: { maxlength: 200 },
  country: { maxlength: 2, size: 3 },
  language: { maxlength: 35, size: 8 },
  currency: { maxlength: 3, size: 4 },
  owner: { maxlength: 128 },
  tags: { maxlength: 2000 },
};

function editForm(ctx: PageContext, customer: Customer, reload: () => Promise<void>): HTMLFormElement {
  const { t } = ctx;
  const value = (name: ProfileField) =>
    name === 'tags' ? formatTags(customer.tags) : (customer[name] ?? '');
  return actionForm(ctx, {
    label: t('customer.edit'),
    attrs: { class: 'profile-form' },
    fields: PROFILE_FIELDS.map((name) =>
      field(
        t(`customer.${name}`),
        input(name, { ...FIELD_ATTRS[name], value: value(name) }),
        name === 'tags' ? t('customer.tagsHint') : undefined,
      ),
    ),
    submit: t('customer.saveProfile'),
    onSubmit: async (values) => {
      const patch = profilePatch(customer, values);
      if (!patch) {
        ctx.notify('info', t('customer.nothingChanged'));
        return;
      }
      await ctx.api.patch(`/customers/${encodeURIComponent(customer.customerId)}`, patch);
      ctx.notify('info', t('customer.profileSaved'));
      await reload();
    },
  });
}

/** The profile (sales and admin read it), its edit form (PATCH at the version read), contacts and addresses. */
export function profileSection(
  ctx: PageContext,
  customer: Customer,
  reload: () => Promise<void>,
): HTMLElement {
  const { t, language } = ctx;
  return section(
    t('customer.profile'),
    facts([
      [t('customer.name'), customer.name],
      [t('customer.company'), customer.company ?? '—'],
      [t('customer.email'), customer.email],
      [t('customer.country'), customer.country],
      [t('customer.language'), customer.language],
      [t('customer.currency'), customer.currency ?? '—'],
      [t('customer.paymentTerms'), termsText(customer.paymentTerms)],
      [t('customer.creditLimit'), formatMoney(customer.creditLimit, language)],
      [t('customer.owner'), customer.owner ?? '—'],
      [t('customer.tags'), formatTags(customer.tags) || '—'],
      [t('customer.version'), customer.version],
    ]),
    h('details', null, h('summary', null, t('customer.edit')), editForm(ctx, customer, reload)),
    h('h3', null, t('customer.contacts')),
    table(
      t('customer.contacts'),
      [
        { header: t('customer.name'), rowHeader: true, cell: (c) => c.name },
        { header: t('customer.role'), cell: (c) => c.role ?? '—' },
        { header: t('customer.email'), cell: (c) => c.email ?? '—' },
        { header: t('customer.phone'), cell: (c) => c.phone ?? '—' },
      ],
      customer.contacts ?? [],
      { empty: t('customer.contactsEmpty') },
    ),
    h('h3', null, t('customer.addresses')),
    table(
      t('customer.addresses'),
      [
        { header: t('customer.kind'), rowHeader: true, cell: (a) => a.kind },
        {
          header: t('customer.address'),
          cell: (a) =>
            [a.name, a.line1, a.line2, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country]
              .filter(Boolean)
              .join(', '),
        },
      ],
      customer.addresses ?? [],
      { empty: t('customer.addressesEmpty') },
    ),
  );
}

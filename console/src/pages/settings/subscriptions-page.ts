import type { ConsolePage, PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { filterForm, select } from '../../ui/form';
import { section } from '../../ui/section';
import { table } from '../../ui/table';
import { DEPARTMENTS } from './departments';
import { settingsMessages } from './settings-messages';
import { changeSubscriptionForm, createSubscriptionForm } from './subscription-form';
import { departmentOf, listText, type Subscription } from './subscription-model';

function filtersText(ctx: PageContext, subscription: Subscription): string {
  const { t } = ctx;
  const parts = (['eventTypes', 'customerIds', 'countries'] as const)
    .filter((name) => subscription.filters[name]?.length)
    .map((name) => t(`subs.filter.${name}`, { values: listText(subscription.filters[name]) }));
  return parts.length === 0 ? t('subs.allEvents') : parts.join('; ');
}

/** Department subscriptions: the list (admin: every department, or one), a change form each, a create form. */
async function render(ctx: PageContext, secret?: string): Promise<void> {
  const { t } = ctx;
  const own = departmentOf(ctx.role);
  const chosen = ctx.query.get('department') ?? '';
  const shown = own
    ? [own]
    : (DEPARTMENTS as readonly string[]).includes(chosen)
      ? [chosen]
      : [...DEPARTMENTS];
  const lists = await Promise.all(
    shown.map((department) =>
      ctx.api.get<{ items: Subscription[] }>(`/subscriptions?department=${department}`),
    ),
  );
  const items = lists.flatMap((list) => list.items);
  const reload = (newSecret?: string) => render(ctx, newSecret);
  const filter = own
    ? null
    : select(
        'department',
        [
          ['', t('subs.allDepartments')] as const,
          ...DEPARTMENTS.map((d) => [d, t(`subs.department.${d}`)] as const),
        ],
        chosen,
      );
  ctx.root.replaceChildren(
    secret ? h('p', { role: 'status', class: 'secret' }, t('subs.secretOnce', { secret })) : '',
    section(
      t('subs.caption'),
      filter
        ? filterForm(ctx, t('subs.filter'), filter, (value) =>
            ctx.navigate(`/subscriptions${value ? `?department=${value}` : ''}`),
          )
        : null,
      table(
        t('subs.caption'),
        [
          { header: t('subs.col.name'), rowHeader: true, cell: (s) => s.name },
          { header: t('subs.col.department'), cell: (s) => t(`subs.department.${s.department}`) },
          {
            header: t('subs.col.targets'),
            cell: (s) => [listText(s.emails), s.webhook ? h('div', null, s.webhook.url) : null],
          },
          { header: t('subs.col.filters'), cell: (s) => filtersText(ctx, s) },
          { header: t('subs.col.enabled'), cell: (s) => (s.enabled ? t('common.yes') : t('common.no')) },
        ],
        items,
        { empty: t('subs.empty') },
      ),
      items.map((subscription) =>
        h(
          'details',
          { class: 'change' },
          h('summary', null, t('subs.change', { name: subscription.name })),
          changeSubscriptionForm(ctx, subscription, reload),
        ),
      ),
    ),
    createSubscriptionForm(ctx, own ? [own] : DEPARTMENTS, reload),
  );
}

export const subscriptionsPage: ConsolePage = {
  route: '/subscriptions',
  titleKey: 'subs.title',
  nav: { group: 'settings', order: 20 },
  render: (ctx) => render(ctx),
  messages: settingsMessages,
};

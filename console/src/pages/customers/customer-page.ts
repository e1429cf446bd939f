import type { ConsolePage, PageContext } from '../../shell/contract';
import { type Child, h } from '../../ui/dom';
import { attempt, loadFailure } from '../../ui/load';
import { section } from '../../ui/section';
import { inquiriesSection, ordersSection, quotesSection } from './customer-activity-sections';
import { creditSection } from './customer-credit-section';
import { historySection } from './customer-history-section';
import { insightsSection } from './customer-insights-section';
import { customerMessages } from './customer-messages';
import type { Customer, CustomerCredit, Insights } from './customer-model';
import { profileSection } from './customer-profile-section';

/**
 * Customer 360: profile, insights, communication history, orders, quotes, inquiries, credit. Each
 * part is read on its own, so a part the role may not read (403) shows the API's reason and the
 * others still show.
 */
async function render(ctx: PageContext): Promise<void> {
  const { t } = ctx;
  const id = ctx.params.id;
  const base = `/customers/${encodeURIComponent(id)}`;
  const reload = () => render(ctx);
  const orFailure = async (title: string, build: () => Promise<HTMLElement>): Promise<Child> => {
    const built = await attempt(build);
    return built.ok ? built.value : section(title, loadFailure(built));
  };
  const [profile, insights, credit, history, orders, quotes, inquiries] = await Promise.all([
    orFailure(t('customer.profile'), async () => {
      const customer = await ctx.api.get<Customer>(base);
      ctx.setTitle?.(`${customer.name}${customer.company ? ` · ${customer.company}` : ''}`);
      return profileSection(ctx, customer, reload);
    }),
    orFailure(t('customer.insights'), async () =>
      insightsSection(ctx, await ctx.api.get<Insights>(`${base}/insights`)),
    ),
    orFailure(t('customer.credit'), async () =>
      creditSection(ctx, await ctx.api.get<CustomerCredit>(`${base}/credit`), reload),
    ),
    orFailure(t('customer.history'), () => historySection(ctx, id, reload)),
    orFailure(t('customer.orders'), () => ordersSection(ctx, id)),
    orFailure(t('customer.quotes'), () => quotesSection(ctx, id)),
    orFailure(t('customer.inquiries'), () => inquiriesSection(ctx, id)),
  ]);
  ctx.root.replaceChildren(
    h('div', { class: 'customer-360' }, profile, insights, orders, quotes, inquiries, credit, history),
  );
}

export const customerPage: ConsolePage = {
  route: '/customers/:id',
  titleKey: 'customer.title',
  render,
  messages: customerMessages,
};

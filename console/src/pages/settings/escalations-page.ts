import type { ConsolePage, PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { errorText } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { attempt, loadFailure } from '../../ui/load';
import { section } from '../../ui/section';
import { escalationNotice } from './escalation-model';
import { settingsSection } from './escalation-settings-form';
import { loadOverdue, overdueTable } from './overdue-waits';
import { settingsMessages } from './settings-messages';

/** A burst of escalations (one sweep) reads the lists once: at most once per this many ms. */
const RELOAD_PAUSE_MS = 5000;

/**
 * Escalations: what is overdue now (orders and inquiries), escalations live from the feed as the
 * sweep raises them, and the SLA settings (admin).
 */
async function render(ctx: PageContext): Promise<void> {
  const { t, language } = ctx;
  const overdue = h('div', { 'aria-live': 'polite' });
  const loadOverdueTable = async () => {
    const loaded = await attempt(() => loadOverdue(ctx));
    overdue.replaceChildren(
      loaded.ok
        ? h(
            'div',
            null,
            overdueTable(ctx, loaded.value.rows),
            loaded.value.more
              ? h('p', { class: 'hint' }, t('esc.scanned', { count: loaded.value.ordersRead }))
              : null,
          )
        : loadFailure(loaded),
    );
  };
  const live = h('ol', { class: 'live-list', 'aria-live': 'polite' });
  const liveEmpty = h('p', { class: 'empty' }, t('esc.liveEmpty'));
  const settingsHolder = h('div');
  const loadSettings = async () => {
    const built = await attempt(() => settingsSection(ctx, loadSettings));
    settingsHolder.replaceChildren(built.ok ? built.value : section(t('esc.settings'), loadFailure(built)));
  };
  await Promise.all([loadOverdueTable(), loadSettings()]);
  ctx.root.replaceChildren(
    section(t('esc.overdue'), overdue),
    section(t('esc.live'), liveEmpty, live),
    settingsHolder,
  );

  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const reloadSoon = () => {
    if (reloadTimer) return;
    reloadTimer = setTimeout(() => {
      reloadTimer = undefined;
      if (!ctx.signal?.aborted)
        void loadOverdueTable().catch((error) => ctx.notify('error', errorText(error)));
    }, RELOAD_PAUSE_MS);
  };
  ctx.signal?.addEventListener('abort', () => clearTimeout(reloadTimer));
  ctx.onFeed((message) => {
    if (message.type === 'feed.resync') return reloadSoon();
    const notice = escalationNotice(message);
    if (!notice) return;
    liveEmpty.remove();
    live.prepend(
      h(
        'li',
        null,
        `${formatDateTime(notice.at, language)} — `,
        t('esc.liveItem', { type: notice.type, id: notice.id, level: notice.level ?? '?' }),
      ),
    );
    reloadSoon();
  });
}

export const escalationsPage: ConsolePage = {
  route: '/escalations',
  titleKey: 'esc.title',
  nav: { group: 'settings', order: 10 },
  render,
  messages: settingsMessages,
};

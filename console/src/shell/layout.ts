import { h } from '../ui/dom';
import type { ConsolePage, Language, Translate } from './contract';
import { LANGUAGES, roleName } from './i18n';
import type { FeedStatus } from './live-feed';
import { navigationFor } from './navigation';

export interface LayoutOptions {
  t: Translate;
  language: Language;
  role: string;
  pages: readonly ConsolePage[];
  notices: HTMLElement;
  onLanguage(language: Language): void;
  onSignOut(): void;
}

export interface Layout {
  element: HTMLElement;
  heading: HTMLHeadingElement;
  pageRoot: HTMLElement;
  /** Marks the menu entry of the current page (`aria-current="page"`). */
  markCurrent(route: string | undefined): void;
  showFeedStatus(status: FeedStatus): void;
}

const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * The frame around every page: a skip link to the content, the menu (real links), the language
 * switch, who is signed in and sign-out, the live feed's state, the one notification area, and the
 * main region with the page heading (focused on every navigation).
 */
export function renderLayout(options: LayoutOptions): Layout {
  const { t } = options;
  const main = h('main', { id: 'main-content', tabindex: '-1' });
  const heading = h('h1', { id: 'page-title', tabindex: '-1' });
  const pageRoot = h('div', { class: 'page' });
  main.append(heading, pageRoot);

  const skip = h('a', { class: 'skip-link', href: '#main-content' }, t('shell.skip'));
  // A hash link would be taken for a route: move focus instead.
  skip.addEventListener('click', (event) => {
    event.preventDefault();
    heading.focus();
  });

  const links = new Map<string, HTMLAnchorElement>();
  const nav = h(
    'nav',
    { 'aria-label': t('shell.navigation'), class: 'menu' },
    navigationFor(options.pages, options.role).map((entry) =>
      h(
        'div',
        { class: 'menu-group' },
        h('span', { class: 'menu-group-name', id: `menu-${entry.group}` }, t(`nav.${entry.group}`)),
        h(
          'ul',
          { 'aria-labelledby': `menu-${entry.group}` },
          entry.pages.map((page) => {
            const link = h('a', { href: `#${page.route}` }, t(page.titleKey));
            links.set(page.route, link);
            return h('li', null, link);
          }),
        ),
      ),
    ),
  );

  const language = h(
    'select',
    { id: 'language-switch', name: 'language' },
    LANGUAGES.map((code) => h('option', { value: code, lang: code }, LANGUAGE_NAMES[code])),
  );
  language.value = options.language;
  language.addEventListener('change', () => options.onLanguage(language.value as Language));

  const feedStatus = h('span', { class: 'feed-status', 'data-status': 'off' }, t('feed.off'));
  const signOut = h('button', { type: 'button', class: 'sign-out' }, t('shell.signOut'));
  signOut.addEventListener('click', () => options.onSignOut());

  const header = h(
    'header',
    { class: 'topbar' },
    h('a', { class: 'brand', href: '#/orders' }, t('shell.brand')),
    nav,
    h(
      'div',
      { class: 'session' },
      feedStatus,
      h('label', { for: 'language-switch', class: 'language' }, t('shell.language'), ' ', language),
      h(
        'span',
        { class: 'role', 'data-role': options.role },
        t('shell.signedInAs', { role: roleName(t, options.role) }),
      ),
      signOut,
    ),
  );

  return {
    element: h('div', { class: 'shell' }, skip, header, options.notices, main),
    heading,
    pageRoot,
    markCurrent(route) {
      for (const [path, link] of links) {
        if (path === route) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
    showFeedStatus(status) {
      feedStatus.dataset.status = status;
      feedStatus.textContent = t(`feed.${status}`);
    },
  };
}

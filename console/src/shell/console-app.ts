import { pages } from '../pages';
import { h } from '../ui/dom';
import { ApiRequestError, createApiClient } from './api-client';
import type { ConsoleConfig } from './console-config';
import type { FeedMessage, Language, PageContext, Translate } from './contract';
import { finishHostedSignIn, hostedSignOutUrl, startHostedSignIn } from './hosted-ui';
import { mergeCatalogs, saveLanguage, storedLanguage, translator } from './i18n';
import { type Layout, renderLayout } from './layout';
import { LiveFeed } from './live-feed';
import { currentEntry } from './navigation';
import { createNotifications } from './notifications';
import { hashOf, matchRoute, parseHash } from './router';
import { clearSession, loadSession, type Session, saveSession, sessionFromToken } from './session';
import { shellMessages } from './shell-messages';
import { renderSignIn } from './sign-in-page';

const catalogs = mergeCatalogs([shellMessages, ...pages.map((page) => page.messages)]);

/**
 * The console: reads config.json, signs the person in (a dev role locally, the hosted UI on AWS),
 * then renders the page the hash names inside the layout, with one API client and one live feed for
 * every page. Each navigation ends the previous page's feed subscriptions and aborts its work.
 */
export async function startConsole(root: HTMLElement): Promise<void> {
  let language: Language = storedLanguage();
  let t: Translate = translator(catalogs, language);
  document.documentElement.lang = language;

  let config: ConsoleConfig;
  try {
    const response = await fetch('./config.json', { cache: 'no-store' });
    if (!response.ok) throw new Error(`config.json: ${response.status}`);
    config = (await response.json()) as ConsoleConfig;
  } catch (error) {
    root.replaceChildren(h('p', { role: 'alert' }, (error as Error).message));
    return;
  }

  let session: Session | undefined = loadSession();
  let signInNotice: string | undefined;
  if (config.signIn.kind === 'cognito') {
    try {
      const returned = await finishHostedSignIn(config.signIn, location.search);
      if (returned) {
        session = saveSession(returned.accessToken);
        if (!session) signInNotice = t('signIn.noRole');
        history.replaceState(null, '', `${location.pathname}#${returned.returnTo}`);
      }
    } catch (error) {
      signInNotice = t('signIn.failed', { message: (error as Error).message });
      history.replaceState(null, '', location.pathname + location.hash);
    }
  }

  let feed: LiveFeed | undefined;
  let layout: Layout | undefined;
  // The feed's state shown in the current layout (a new layout, e.g. in another language, replaces it).
  let offFeedStatus: (() => void) | undefined;
  let pageScope: { controller: AbortController; unsubscribe: Set<() => void> } | undefined;
  const notifications = createNotifications(() => t);

  const leavePage = () => {
    pageScope?.controller.abort();
    for (const unsubscribe of pageScope?.unsubscribe ?? []) unsubscribe();
    pageScope = undefined;
  };

  const showSignIn = (notice?: string) => {
    leavePage();
    offFeedStatus?.();
    offFeedStatus = undefined;
    feed?.stop();
    feed = undefined;
    layout = undefined;
    document.title = t('signIn.title');
    root.replaceChildren(
      renderSignIn({
        config,
        t,
        notice,
        onToken: (token) => {
          const chosen = sessionFromToken(token);
          if (!chosen) return showSignIn(t('signIn.noRole'));
          saveSession(token);
          session = chosen;
          startShell(chosen);
        },
        onHostedSignIn: () => {
          if (config.signIn.kind === 'cognito')
            void startHostedSignIn(config.signIn, parseHash(location.hash).path);
        },
      }),
    );
  };

  const signOut = () => {
    clearSession();
    session = undefined;
    if (config.signIn.kind === 'cognito') {
      feed?.stop();
      location.assign(hostedSignOutUrl(config.signIn));
      return;
    }
    showSignIn();
  };

  const startShell = (current: Session) => {
    if (config.feed && !feed) {
      feed = new LiveFeed(config.feed, current.token);
      feed.start();
    }
    mountLayout(current);
    void renderRoute(current);
  };

  const mountLayout = (current: Session) => {
    layout = renderLayout({
      t,
      language,
      role: current.role,
      pages,
      notices: notifications.element,
      onLanguage: (next) => {
        language = next;
        t = translator(catalogs, language);
        saveLanguage(language);
        document.documentElement.lang = language;
        notifications.element.setAttribute('aria-label', t('shell.notifications'));
        mountLayout(current);
        void renderRoute(current);
      },
      onSignOut: signOut,
    });
    const shown = layout;
    offFeedStatus?.();
    offFeedStatus = feed?.onStatus((status) => shown.showFeedStatus(status));
    root.replaceChildren(layout.element);
  };

  const renderRoute = async (current: Session) => {
    if (!layout) return;
    leavePage();
    notifications.clear();
    const { heading, pageRoot } = layout;
    const { path, query } = parseHash(location.hash);
    const matched = matchRoute(pages, path);
    layout.markCurrent(currentEntry(pages, path)?.route);
    const setTitle = (text: string) => {
      heading.textContent = text;
      document.title = `${text} · ${t('shell.brand')}`;
    };
    if (!matched) {
      setTitle(t('shell.notFound'));
      pageRoot.replaceChildren(h('p', null, t('shell.notFoundText', { path })));
      heading.focus();
      return;
    }
    const scope = { controller: new AbortController(), unsubscribe: new Set<() => void>() };
    pageScope = scope;
    setTitle(t(matched.page.titleKey));
    pageRoot.replaceChildren(h('p', { class: 'loading' }, t('shell.loading')));
    heading.focus();
    const ctx = pageContext(matched.params, query, current, scope, setTitle, pageRoot);
    try {
      await matched.page.render(ctx);
    } catch (error) {
      if (scope.controller.signal.aborted) return;
      const message =
        error instanceof ApiRequestError || error instanceof Error ? error.message : String(error);
      pageRoot.replaceChildren(
        h('p', { class: 'load-error', role: 'alert' }, t('shell.pageFailed', { message })),
      );
    }
  };

  const pageContext = (
    params: Record<string, string>,
    query: URLSearchParams,
    current: Session,
    scope: NonNullable<typeof pageScope>,
    setTitle: (text: string) => void,
    pageRoot: HTMLElement,
  ): PageContext => {
    pageRoot.replaceChildren();
    const api = createApiClient({
      baseUrl: config.apiUrl,
      token: current.token,
      onUnauthorized: () => {
        clearSession();
        session = undefined;
        showSignIn(t('shell.sessionExpired'));
      },
      describe: (status) => (status === 0 ? t('shell.networkError') : t('shell.httpError', { status })),
    });
    const live = scope.controller.signal;
    return {
      root: pageRoot,
      api,
      t: (key, values) => t(key, values),
      language,
      role: current.role,
      params: { ...Object.fromEntries(query), ...params },
      query,
      navigate: (path) => {
        location.hash = hashOf(path);
      },
      onFeed: (listener: (message: FeedMessage) => void) => {
        if (!feed || live.aborted) return () => undefined;
        const off = feed.subscribe(listener);
        scope.unsubscribe.add(off);
        return () => {
          off();
          scope.unsubscribe.delete(off);
        };
      },
      notify: (kind, text) => {
        if (!live.aborted) notifications.notify(kind, text);
      },
      setTitle: (text) => {
        if (!live.aborted) setTitle(text);
      },
      signal: live,
    };
  };

  window.addEventListener('hashchange', () => {
    if (session && layout) void renderRoute(session);
  });

  if (session) startShell(session);
  else showSignIn(signInNotice);
}

import { h } from '../ui/dom';
import type { ConsoleConfig } from './console-config';
import type { Translate } from './contract';
import { roleName } from './i18n';

export interface SignInOptions {
  config: ConsoleConfig;
  t: Translate;
  /** Why the person is here again (an expired sign-in, a failed return from the hosted UI). */
  notice?: string;
  /** Locally: the chosen role's dev token. */
  onToken(token: string): void;
  /** On AWS: off to the hosted UI. */
  onHostedSignIn(): void;
}

/** The sign-in screen: a role to pick locally, the hosted UI's button on AWS. */
export function renderSignIn(options: SignInOptions): HTMLElement {
  const { t, config } = options;
  const heading = h('h1', { tabindex: '-1' }, t('signIn.title'));
  const body =
    config.signIn.kind === 'local'
      ? localChoices(config.signIn.tokens, t, options.onToken)
      : [
          h('p', null, t('signIn.hostedIntro')),
          h(
            'button',
            { type: 'button', class: 'primary', onclick: () => options.onHostedSignIn() },
            t('signIn.hosted'),
          ),
        ];
  const element = h(
    'main',
    { class: 'sign-in', id: 'main-content' },
    heading,
    options.notice ? h('p', { class: 'notice notice-error', role: 'alert' }, options.notice) : null,
    body,
  );
  queueMicrotask(() => heading.focus());
  return element;
}

function localChoices(
  tokens: Record<string, string> | undefined,
  t: Translate,
  onToken: (token: string) => void,
) {
  if (!tokens || Object.keys(tokens).length === 0) return [h('p', { role: 'alert' }, t('signIn.noTokens'))];
  return [
    h('p', null, t('signIn.localIntro')),
    h(
      'ul',
      { class: 'role-choices' },
      Object.entries(tokens).map(([role, token]) =>
        h(
          'li',
          null,
          h(
            'button',
            { type: 'button', 'data-role': role, onclick: () => onToken(token) },
            t('signIn.as', { role: roleName(t, role) }),
          ),
        ),
      ),
    ),
  ];
}

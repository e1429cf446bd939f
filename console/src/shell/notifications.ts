import { h } from '../ui/dom';
import type { Translate } from './contract';

const INFO_MS = 8000;

/**
 * The console's one place for notices: errors stay until dismissed and are announced at once
 * (`role="alert"`); information is announced politely and goes after a few seconds.
 */
export function createNotifications(t: () => Translate) {
  const infos = h('div', { class: 'notices-info', role: 'status', 'aria-live': 'polite' });
  const errors = h('div', { class: 'notices-errors', role: 'alert' });
  const element = h('section', { class: 'notices', 'aria-label': t()('shell.notifications') }, errors, infos);

  const notify = (kind: 'error' | 'info', text: string) => {
    const dismiss = h('button', { type: 'button', class: 'notice-dismiss' }, t()('shell.dismiss'));
    const notice = h(
      'div',
      { class: `notice notice-${kind}`, 'data-kind': kind },
      h('p', null, text),
      dismiss,
    );
    dismiss.addEventListener('click', () => notice.remove());
    (kind === 'error' ? errors : infos).append(notice);
    if (kind === 'info') setTimeout(() => notice.remove(), INFO_MS);
  };

  return { element, notify, clear: () => errors.replaceChildren() };
}

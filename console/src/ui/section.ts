import { type Child, h, uniqueId } from './dom';

/**
 * A titled part of a page: a `<section>` named by its `<h2>` (a landmark for screen readers). A
 * table caption that only repeats the title stays for screen readers but is not shown twice.
 */
export function section(title: string, ...children: Child[]): HTMLElement {
  const id = uniqueId('section');
  const element = h(
    'section',
    { 'aria-labelledby': id, class: 'page-section' },
    h('h2', { id }, title),
    children,
  );
  for (const caption of element.querySelectorAll('caption'))
    if (caption.textContent === title) caption.classList.add('visually-hidden');
  return element;
}

/** A short status word as a badge (`OPEN`, `overdue`): the text says it, the class only colours it. */
export const badge = (text: string, tone: 'info' | 'warn' | 'bad' | 'good' = 'info') =>
  h('span', { class: `badge badge-${tone}` }, text);

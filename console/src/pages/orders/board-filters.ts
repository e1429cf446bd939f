import type { PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { field, input } from '../../ui/form';
import { type BoardFilters, queryOf } from './board-data';

/** The board's filters, kept in the address (`#/orders?country=DE`), so a filtered board can be shared. */
export function boardFilterForm(ctx: PageContext, filters: BoardFilters): HTMLFormElement {
  const { t } = ctx;
  const customer = input('customerId', {
    value: filters.customerId ?? '',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const country = input('country', {
    value: filters.country ?? '',
    maxlength: 2,
    size: 4,
    autocomplete: 'off',
    pattern: '[A-Za-z]{2}',
  });
  const owner = input('owner', { value: filters.owner ?? '', autocomplete: 'off', spellcheck: 'false' });
  const stalled = h('input', { type: 'checkbox', name: 'stalled', id: 'board-stalled', value: '1' });
  stalled.checked = Boolean(filters.stalledOnly);
  const clear = h('button', { type: 'button' }, t('board.clear'));
  clear.addEventListener('click', () => ctx.navigate('/orders'));
  const form = h(
    'form',
    { class: 'board-filters', 'aria-label': t('board.filters'), role: 'search' },
    field(t('board.customer'), customer, t('board.customerHint')),
    field(t('board.country'), country, t('board.countryHint')),
    field(t('board.owner'), owner, t('board.ownerHint')),
    h('div', { class: 'field' }, h('label', { for: 'board-stalled' }, stalled, ' ', t('board.stalledOnly'))),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, t('board.apply')), clear),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    ctx.navigate(
      `/orders${queryOf({
        customerId: customer.value.trim() || undefined,
        country: country.value.trim().toUpperCase() || undefined,
        owner: owner.value.trim() || undefined,
        stalledOnly: stalled.checked,
      })}`,
    );
  });
  return form;
}

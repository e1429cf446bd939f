import { h } from '../../ui/dom';
import { actionForm, field, input } from '../../ui/form';
import type { ActionContext } from './action-forms';

export interface PackageBody {
  weightKg: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  lines: { sku: string; quantity: number }[];
}

/**
 * The packing list: one or more packages, each with its weight, dimensions and how many of each
 * order line it holds. The first package starts with every line's full quantity; the API checks
 * that the units packed match the order (and says which line does not).
 */
export function packingEditor(
  context: ActionContext,
  submit: (packages: PackageBody[]) => Promise<void>,
): HTMLFormElement {
  const { ctx, order } = context;
  const { t } = ctx;
  const list = h('div', { class: 'packages' });
  let count = 0;

  const addPackage = (full: boolean) => {
    count++;
    const number = count;
    const measure = (name: string, value: string) =>
      field(
        t(`field.${name}`),
        input(`${name}-${number}`, {
          type: 'number',
          min: 0.01,
          step: 0.01,
          required: true,
          value,
          'data-measure': name,
        }),
      );
    const remove = h('button', { type: 'button' }, t('order.removePackage'));
    const box = h(
      'fieldset',
      { class: 'package-editor', 'data-package': number },
      h('legend', null, t('order.package', { number })),
      h(
        'div',
        { class: 'inline-fields' },
        measure('weightKg', ''),
        measure('lengthCm', ''),
        measure('widthCm', ''),
        measure('heightCm', ''),
      ),
      h(
        'div',
        { class: 'inline-fields' },
        order.lines.map((line) =>
          field(
            t('order.unitsOf', { sku: line.sku }),
            input(`units-${number}-${line.lineNo}`, {
              type: 'number',
              min: 0,
              step: 1,
              value: full ? line.quantity : 0,
              'data-sku': line.sku,
            }),
          ),
        ),
      ),
      number > 1 ? remove : null,
    );
    remove.addEventListener('click', () => box.remove());
    list.append(box);
  };
  addPackage(true);

  const add = h('button', { type: 'button' }, t('order.addPackage'));
  add.addEventListener('click', () => {
    addPackage(false);
    list.lastElementChild?.querySelector<HTMLElement>('input')?.focus();
  });

  return actionForm(ctx, {
    label: t('action.packing'),
    fields: [list, h('div', { class: 'actions' }, add)],
    submit: t('action.packing.submit'),
    attrs: { 'data-form': 'packing' },
    onSubmit: (_values, form) => submit(packagesOf(form)),
  });
}

function packagesOf(form: HTMLFormElement): PackageBody[] {
  return [...form.querySelectorAll<HTMLFieldSetElement>('[data-package]')].map((box) => {
    const measure = (name: string) =>
      Number(box.querySelector<HTMLInputElement>(`[data-measure="${name}"]`)?.value ?? 0);
    const lines = [...box.querySelectorAll<HTMLInputElement>('[data-sku]')]
      .map((units) => ({ sku: units.dataset.sku ?? '', quantity: Number(units.value) }))
      .filter((line) => line.quantity > 0);
    return {
      weightKg: measure('weightKg'),
      lengthCm: measure('lengthCm'),
      widthCm: measure('widthCm'),
      heightCm: measure('heightCm'),
      lines,
    };
  });
}

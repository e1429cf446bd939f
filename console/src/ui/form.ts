import type { PageContext } from '../shell/contract';
import { type Attrs, type Child, h, uniqueId } from './dom';
import { errorText } from './errors';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A labelled form control: the label names it (`for`), a hint describes it (`aria-describedby`). */
export function field(label: string, control: Control, hint?: string): HTMLElement {
  if (!control.id) control.id = uniqueId(control.name || 'field');
  const hintId = hint ? uniqueId('hint') : undefined;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: control.id }, label),
    control,
    hint ? h('small', { id: hintId }, hint) : null,
  );
}

export const input = (name: string, attrs: Attrs = {}) => h('input', { type: 'text', ...attrs, name });

export const textarea = (name: string, value = '', attrs: Attrs = {}) => {
  const area = h('textarea', { rows: 3, ...attrs, name });
  area.value = value;
  return area;
};

export function select(
  name: string,
  options: readonly (readonly [value: string, label: string])[],
  value?: string,
): HTMLSelectElement {
  const control = h(
    'select',
    { name },
    options.map(([optionValue, label]) => h('option', { value: optionValue }, label)),
  );
  if (value !== undefined) control.value = value;
  return control;
}

/** A form's values by name, as text (trimmed). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form).entries())
    if (typeof value === 'string') values[name] = value.trim();
  return values;
}

/**
 * A form whose submit calls the API: its button is disabled while the call runs, a refusal shows
 * the API's message through `ctx.notify`, and success tells `done` (often: render the page again).
 */
export function actionForm(
  ctx: Pick<PageContext, 'notify'>,
  options: {
    label: string;
    fields: Child[];
    submit: string;
    onSubmit: (values: Record<string, string>, form: HTMLFormElement) => Promise<void>;
    attrs?: Attrs;
  },
): HTMLFormElement {
  const button = h('button', { type: 'submit' }, options.submit);
  const form = h(
    'form',
    { ...options.attrs, 'aria-label': options.label },
    h(
      'fieldset',
      null,
      h('legend', null, options.label),
      options.fields,
      h('div', { class: 'actions' }, button),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runAction(ctx, button, () => options.onSubmit(formValues(form), form));
  });
  return form;
}

/** A button that calls the API when pressed, the same way `actionForm` does. */
export function actionButton(
  ctx: Pick<PageContext, 'notify'>,
  label: string,
  onPress: () => Promise<void>,
  attrs: Attrs = {},
): HTMLButtonElement {
  const button = h('button', { type: 'button', ...attrs }, label);
  button.addEventListener('click', () => void runAction(ctx, button, onPress));
  return button;
}

async function runAction(
  ctx: Pick<PageContext, 'notify'>,
  button: HTMLButtonElement,
  action: () => Promise<void>,
): Promise<void> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    await action();
  } catch (error) {
    ctx.notify('error', errorText(error));
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** A fresh Idempotency-Key for one submission, so a repeated request of it is not done twice. */
export const newIdempotencyKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`;

/**
 * A filter: a labelled select and a "Show" button. It applies on submit, not on change, so moving
 * through the options with the keyboard does not leave the page at every step.
 */
export function filterForm(
  ctx: Pick<PageContext, 't'>,
  label: string,
  control: HTMLSelectElement,
  apply: (value: string) => void,
): HTMLFormElement {
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': label },
    field(label, control),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, ctx.t('common.show'))),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply(control.value);
  });
  return form;
}

import { type Child, h } from './dom';
import { errorStatus, errorText } from './errors';

/** A call's answer, or why there is none (the API's message), for parts of a page that may fail alone. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; message: string; status?: number };

export async function attempt<T>(call: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    return { ok: false, message: errorText(error), status: errorStatus(error) };
  }
}

/** The part of the page a failed call would have filled: the API's message, announced. */
export const loadFailure = (loaded: { message: string }): HTMLElement =>
  h('p', { class: 'load-error', role: 'alert' }, loaded.message);

/** Renders `render(value)` when the call answered, else its failure. */
export const whenLoaded = <T>(loaded: Loaded<T>, render: (value: T) => Child): Child =>
  loaded.ok ? render(loaded.value) : loadFailure(loaded);

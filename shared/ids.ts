import { ulid } from 'ulid';

/** Sortable, unguessable ids with a readable prefix; also valid Step Functions execution names. */
export type IdGenerator = (prefix: 'ord' | 'cus') => string;

export const newId: IdGenerator = (prefix) => `${prefix}_${ulid()}`;

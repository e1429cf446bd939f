/**
 * How a customer list names a row: its company, else its name, else its id; and, when named, what
 * else tells it apart (the person beside the company, and the id). Pure, for the lists and their tests.
 */
export interface NamedCustomer {
  customerId: string;
  name?: string;
  company?: string;
}

export function customerLabel(row: NamedCustomer): { title: string; detail?: string } {
  const title = row.company || row.name || row.customerId;
  if (title === row.customerId) return { title };
  const person = row.company && row.name ? `${row.name} · ` : '';
  return { title, detail: `${person}${row.customerId}` };
}

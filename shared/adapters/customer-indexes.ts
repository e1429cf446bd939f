/** The customers table's GSI on `email` (KEYS_ONLY): a buyer found by email. Named once, for the topology too. */
export const CUSTOMERS_BY_EMAIL_INDEX = 'byEmail';

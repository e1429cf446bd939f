/**
 * Who looks after each customer: the profile's `owner` (a sales rep's staff id), kept by the customer
 * profile. A customer with none is the sales department's.
 */
export interface CustomerOwners {
  ownersOf(customerIds: readonly string[]): Promise<Map<string, string | undefined>>;
}

/** What a staff email names a customer by: the profile's name and company, when it has them. */
export interface CustomerName {
  name?: string;
  company?: string;
}

export interface CustomerNames {
  /** Each customer's name, by id; an id with no profile is absent from the map. */
  namesOf(customerIds: readonly string[]): Promise<Map<string, CustomerName>>;
}

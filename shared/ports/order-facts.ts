/** What subscription filters need of an order beyond its event: its customer and ship-to country. */
export interface OrderFacts {
  customerId: string;
  country?: string;
}

export interface OrderFactsReader {
  get(orderId: string): Promise<OrderFacts | undefined>;
}

export interface OrderWorkflow {
  /**
   * Starts the order's execution, named after the order, so starting it twice is harmless
   * (same name and input → the same execution). Returns the execution ARN.
   */
  start(orderId: string, input: Record<string, unknown>): Promise<string>;
}

import type { Customer } from '../domain/customer';
import { formatAmount, type Money } from '../domain/money';
import type { Order } from '../domain/order';

/** The API's shapes: money as decimal strings in the document's currency, never minor units. */

const amount = (money: Money) => formatAmount(money);

export function customerView(customer: Customer) {
  const { creditLimit, version: _version, ...rest } = customer;
  return {
    ...rest,
    ...(creditLimit ? { creditLimit: { amount: amount(creditLimit), currency: creditLimit.currency } } : {}),
  };
}

export function orderView(order: Order) {
  return {
    orderId: order.orderId,
    status: order.status,
    customerId: order.customerId,
    currency: order.currency,
    incoterm: order.incoterm,
    paymentTerms: order.paymentTerms,
    lines: order.lines.map((line) => ({
      lineNo: line.lineNo,
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: amount(line.unitPrice),
      amount: amount(line.amount),
    })),
    totals: { goods: amount(order.total), total: amount(order.total) },
    shippingAddress: order.shippingAddress,
    ...(order.buyerPo ? { buyerPo: order.buyerPo } : {}),
    ...(order.externalRef ? { externalRef: order.externalRef } : {}),
    ...(order.problems ? { problems: order.problems } : {}),
    ...(order.failure ? { failure: order.failure } : {}),
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    timeline: order.timeline,
  };
}

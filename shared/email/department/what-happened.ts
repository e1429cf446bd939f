import type { EventDetail, EventType } from '../../contracts/events';
import type { TransportMode } from '../../domain/incoterms';
import { TRANSPORT_MODES, transportDocumentName } from '../../domain/shipment';
import { type Formatter, isPositive, type MoneyText } from '../format';

/** What happened, for staff: a title and a short summary for the subject, and one or two lines. */
export interface Happening {
  title: string;
  summary?: string;
  lines: string[];
}

export type Describers = {
  [T in EventType]?: (detail: EventDetail<T>, fmt: Formatter) => Happening;
};

/** The text as a sentence: a full stop added unless it ends with one. */
const sentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);
const negated = (money: MoneyText): MoneyText => ({ ...money, amount: money.amount.replace(/^-/, '') });
const units = (lines: { sku: string; quantity: number }[]) =>
  lines.map((l) => `${l.sku} × ${l.quantity}`).join(', ');
/** ": shipment 2" for one shipment of an order shipped in parts. */
const part = (shipmentNo: number | undefined) => (shipmentNo ? `: shipment ${shipmentNo}` : '');
const number = (value: number) => new Intl.NumberFormat('en', { maximumFractionDigits: 3 }).format(value);

/** "2 days 3 h", "45 min": how long something has waited. */
export function duration(fromIso: string, toIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60_000));
  if (Number.isNaN(minutes)) return 'an unknown time';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return `${days} ${days === 1 ? 'day' : 'days'}${hours ? ` ${hours} h` : ''}`;
  return hours > 0 ? `${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}` : `${minutes} min`;
}

function documentName(mode: string): string {
  return (TRANSPORT_MODES as readonly string[]).includes(mode)
    ? transportDocumentName(mode as TransportMode)
    : 'transport document';
}

/** One describer per type a department hears of (infra/topology/lifecycle.ts routes them). */
export const WHAT_HAPPENED: Describers = {
  OrderRejected: (d) => ({
    title: 'Order rejected',
    summary: `${d.reasons.length} ${d.reasons.length === 1 ? 'reason' : 'reasons'}`,
    lines: [sentence(`Refused: ${d.reasons.join('; ')}`), 'The buyer was emailed the reasons.'],
  }),
  OrderStalled: (d, fmt) => {
    const waited = duration(d.since, d.occurredAt);
    return {
      title: `Stalled, level ${d.level}`,
      summary: d.wait ? `waiting for ${d.wait} for ${waited}` : `${d.status} for ${waited}`,
      lines: [
        `${d.status}${d.wait ? `, waiting for ${d.wait}` : ''} since ${fmt.dateTime(d.since)} (${waited}); escalation level ${d.level}.`,
        sentence(`Why: ${d.reason}`),
      ],
    };
  },
  CreditHeld: (d, fmt) => {
    const over = d.headroom?.amount.startsWith('-') ? negated(d.headroom) : undefined;
    return {
      title: 'Credit hold',
      summary: `${fmt.money(d.orderExposure)}${over ? ` over limit by ${fmt.money(over)}` : ' on credit'}`,
      lines: [
        sentence(`Why: ${d.reason}`),
        d.limit
          ? `Limit ${fmt.money(d.limit)}; this order puts ${fmt.money(d.orderExposure)} on credit.`
          : 'No credit limit is on file.',
      ],
    };
  },
  OrderConfirmed: (d, fmt) => ({
    title: 'Order confirmed',
    summary: `${fmt.money(d.total)}, ${d.paymentTerms}`,
    lines: [`Schedule: ${d.installments.map((i) => `${i.label} ${fmt.money(i.amount)}`).join('; ')}.`],
  }),
  DepositReceived: (d, fmt) => ({
    title: 'Deposit received',
    summary: `${fmt.money(d.paid)} paid`,
    lines: [`The deposit is covered (${fmt.money(d.paid)} paid in all); stock allocation starts.`],
  }),
  PaymentReceived: (d, fmt) => ({
    title: 'Payment received',
    summary: `${fmt.money(d.amount)}, ref ${d.reference}`,
    lines: [
      `Paid ${fmt.money(d.paid)} in all; outstanding ${fmt.money(d.outstanding)}${
        d.overpayment && isPositive(d.overpayment) ? `; overpaid by ${fmt.money(d.overpayment)}` : ''
      }.`,
    ],
  }),
  ProcurementRequested: (d) => ({
    title: 'Stock short',
    summary: `${d.sku} × ${d.quantityShort}`,
    lines: [`The order is short ${d.quantityShort} units of ${d.sku} and waits for stock.`],
  }),
  ReplenishmentRequested: (d) => ({
    title: 'Reorder point reached',
    summary: `${d.sku} × ${d.quantity} for ${d.warehouse}`,
    lines: [
      `${d.sku} in ${d.warehouse}: ${d.available} available and ${d.incoming} incoming, at or below the reorder point of ${d.reorderPoint}.`,
      `Replenishment request ${d.requestId}: ${d.quantity} units${d.maxStock !== undefined ? `, up to the maximum of ${d.maxStock}` : ''}.`,
    ],
  }),
  StockAllocated: (d) => ({
    title: `Stock allocated${part(d.shipmentNo)}`,
    summary: `${d.lines.length} ${d.lines.length === 1 ? 'line' : 'lines'}`,
    lines: [
      `Reserved: ${units(d.lines)}.`,
      ...(d.backorder?.length ? [`On backorder, to ship later: ${units(d.backorder)}.`] : []),
    ],
  }),
  OrderPacked: (d) => ({
    title: `Packed${part(d.shipmentNo)}`,
    summary: `${d.packageCount} packages, ${number(d.grossWeightKg)} kg`,
    lines: [`${d.packageCount} packages, ${number(d.grossWeightKg)} kg gross, ${number(d.volumeM3)} m³.`],
  }),
  OrderReadyToShip: (d) => ({
    title: `Ready to ship${part(d.shipmentNo)}`,
    lines: ['Paid as the terms require and packed: the goods can leave.'],
  }),
  ShipmentDispatched: (d, fmt) => ({
    title: `Shipped${part(d.shipmentNo)}`,
    summary: `${d.carrier}, ${d.transportDocumentNo}`,
    lines: [
      `${d.carrier} (${d.mode}), ${documentName(d.mode)} ${d.transportDocumentNo}, tracking ${d.trackingNumber}.`,
      `ETD ${fmt.date(d.etd)}, ETA ${fmt.date(d.eta)}. The buyer was emailed the tracking.`,
    ],
  }),
  ShipmentExceptionOpened: (d, fmt) => ({
    title: `Shipment ${d.exception}`,
    summary: `ETA ${fmt.date(d.eta)}`,
    lines: [
      `${d.exception}${d.location ? ` at ${d.location}` : ''}${d.note ? `: ${d.note}` : ''}; ETA now ${fmt.date(d.eta)}.`,
      'The buyer was emailed.',
    ],
  }),
  ShipmentExceptionResolved: (d, fmt) => ({
    title: 'Exception resolved',
    summary: `${d.exception}, ETA ${fmt.date(d.eta)}`,
    lines: [`The ${d.exception} exception is over; ETA ${fmt.date(d.eta)}.`],
  }),
  OrderDelivered: (d, fmt) => ({
    title: 'Delivered',
    summary: fmt.date(d.deliveredAt),
    lines: [`Delivered on ${fmt.date(d.deliveredAt)}; the buyer was emailed.`],
  }),
  PaymentOverdue: (d, fmt) => ({
    title: `Payment overdue, level ${d.level}`,
    summary: `${fmt.money(d.outstanding)} due ${fmt.date(d.dueAt)}`,
    lines: [
      `${fmt.money(d.outstanding)} was due on ${fmt.date(d.dueAt)} and is not paid.`,
      ...(d.level >= 3 ? ['The buyer was sent a reminder.'] : []),
    ],
  }),
  InquiryOverdue: (d) => ({
    title: `Inquiry unanswered, level ${d.level}`,
    summary: `${d.inquiryId} for ${duration(d.since, d.occurredAt)}`,
    lines: [`Inquiry ${d.inquiryId} has had no reply since ${d.since}.`],
  }),
  InquiryReceived: (d, fmt) => ({
    title: 'New inquiry',
    summary: `${d.lineCount} ${d.lineCount === 1 ? 'product' : 'products'}${d.destinationCountry ? ` to ${d.destinationCountry}` : ''}`,
    lines: [
      `Inquiry ${d.inquiryId} from customer ${d.customerId}: ${d.lineCount} product ${d.lineCount === 1 ? 'line' : 'lines'}${d.hasText ? ' and a message' : ''}.`,
      ...(d.targetPrice ? [`Target price: ${fmt.money(d.targetPrice)}.`] : []),
      ...(d.incoterm || d.destinationCountry
        ? [`Wanted: ${[d.incoterm, d.destinationCountry].filter(Boolean).join(' to ')}.`]
        : []),
    ],
  }),
  QuoteApprovalRequested: (d, fmt) => ({
    title: 'Quote needs approval',
    summary: `${d.linesBelowFloor} ${d.linesBelowFloor === 1 ? 'line' : 'lines'} below ${d.marginFloorPercent}%`,
    lines: [
      `Quote ${d.quoteId}, revision ${d.revision}, for customer ${d.customerId} (${fmt.money({ amount: d.total, currency: d.currency })}): ${d.linesBelowFloor} ${d.linesBelowFloor === 1 ? 'line is' : 'lines are'} below the ${d.marginFloorPercent}% margin floor (or have no cost to check).`,
      'It cannot be sent until a sales manager approves it.',
    ],
  }),
  QuoteExpiring: (d, fmt) => ({
    title: 'Quote expiring',
    summary: `on ${fmt.date(d.validUntil)}`,
    lines: [
      `Quote ${d.quoteId}, revision ${d.revision}, for customer ${d.customerId}, expires at ${fmt.dateTime(d.validUntil)}.`,
    ],
  }),
  CustomerUpdated: (d) => ({
    title: 'Customer updated',
    summary: d.fields.join(', '),
    lines: [`Customer ${d.customerId} changed: ${d.fields.join(', ')} (now version ${d.customerVersion}).`],
  }),
  PaymentDue: (d, fmt) => ({
    title: 'Payment due',
    summary: `${fmt.money(d.outstanding)} by ${fmt.date(d.dueAt)}`,
    lines: [`${fmt.money(d.outstanding)} is due by ${fmt.date(d.dueAt)}; the buyer was emailed.`],
  }),
  OrderCompleted: (d, fmt) => ({
    title: 'Completed',
    summary: fmt.money(d.total),
    lines: [`Delivered and paid in full (${fmt.money(d.total)}); the order is closed.`],
  }),
  OrderCancelled: (d, fmt) => ({
    title: 'Cancelled',
    summary: `was ${d.statusWhenCancelled}`,
    lines: [
      sentence(`Why: ${d.reason}`),
      ...(isPositive(d.refundDue) ? [`Refund due to the buyer: ${fmt.money(d.refundDue)}.`] : []),
      ...(d.released.length ? [`Stock released: ${units(d.released)}.`] : []),
    ],
  }),
  DocumentChecksFailed: (d) => ({
    title: 'Documents held',
    summary: d.summary,
    lines: [
      `The ${d.set} documents were not issued: a check failed.`,
      ...d.problems.map((problem) => `- ${sentence(problem)}`),
    ],
  }),
  StorefrontOrderUnprocessable: (d) => ({
    title: 'Shop order not taken',
    summary: `${d.platform} order ${d.externalRef}`,
    lines: [
      `The ${d.platform} order ${d.externalRef} (storefront ${d.storefrontId}, ${d.topic}) cannot be taken as it is:`,
      ...d.problems.map((problem) => `- ${sentence(problem)}`),
    ],
  }),
  BuyerEmailSuppressed: (d) => ({
    title: 'Buyer email address suppressed',
    summary: `customer ${d.customerId}, ${d.reason === 'bounce' ? 'bounced' : 'complaint'}`,
    lines: [
      d.reason === 'bounce'
        ? `An email to customer ${d.customerId} bounced permanently${d.detail ? ` (${d.detail})` : ''}.`
        : `Customer ${d.customerId} marked our email as spam${d.detail ? ` (${d.detail})` : ''}.`,
      'No more email goes to that address: the buyer is not told of their orders by email.',
    ],
  }),
};

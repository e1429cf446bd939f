/** The API's order shapes, as the console reads them (shared/http/views.ts: orderView, orderSummaryView). */

export interface OrderSummary {
  orderId: string;
  status: string;
  exception?: string;
  waitingFor?: string;
  waitDueAt?: string;
  escalatedLevel?: number;
  destinationCountry?: string;
  customerId: string;
  currency: string;
  total: string;
  paid: string;
  incoterm: { code: string; place: string };
  buyerPo?: string;
  externalRef?: string;
  failed?: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface OrderPage {
  items: OrderSummary[];
  nextToken?: string;
}

export interface TimelineEntry {
  at: string;
  what: string;
  status?: string;
  by?: { kind: string; id: string; role?: string };
  note?: string;
}

export interface OrderLine {
  lineNo: number;
  sku: string;
  quantity: number;
  unitPrice: string;
  amount: string;
}

export interface Installment {
  kind: string;
  label: string;
  amount: string;
  /** When it falls due: an event of the order, or days after delivery. */
  dueOn?: string | { daysAfterDelivery: number };
  covered: boolean;
}

export interface TrackingEvent {
  status: string;
  at: string;
  location?: string;
  note?: string;
  newEta?: string;
  recordedAt?: string;
}

/** The order's shipment, or one of `shipments` (partial shipments: booking fields once booked). */
export interface Shipment {
  shipmentNo?: number;
  status?: string;
  lines?: { sku: string; quantity: number }[];
  carrier?: string;
  mode?: string;
  transportDocumentNo?: string;
  transportDocument?: string;
  trackingNumber?: string;
  trackingUrl?: string;
  vesselOrFlight?: string;
  etd?: string;
  eta?: string;
  portOfLoading?: string;
  portOfDischarge?: string;
  dispatchedAt?: string;
  deliveredAt?: string;
  [key: string]: unknown;
}

export interface OrderView {
  orderId: string;
  status: string;
  exception?: string;
  waitingFor?: string;
  waitingSince?: string;
  waitDueAt?: string;
  escalatedLevel?: number;
  customerId: string;
  currency: string;
  incoterm: { code: string; place: string };
  paymentTerms: { type: string; [key: string]: unknown };
  lines: OrderLine[];
  totals: { goods: string; total: string };
  shippingAddress: {
    name: string;
    line1: string;
    line2?: string;
    city: string;
    postalCode?: string;
    region?: string;
    country: string;
  };
  buyerPo?: string;
  externalRef?: string;
  promisedDate?: string;
  problems?: unknown;
  failure?: { step?: string; error?: string; cause?: string; [key: string]: unknown };
  creditReview?: {
    decision: string;
    reason?: string;
    limit?: { amount: string; currency: string };
    totalExposure?: { amount: string; currency: string };
    headroom?: { amount: string; currency: string };
    finalDecision?: { decision: string; note?: string };
    [key: string]: unknown;
  };
  paymentSchedule?: { installments: Installment[] };
  payments: { amount: string; reference: string; receivedAt: string; by?: unknown }[];
  paid: string;
  outstanding: string;
  overpaid?: string;
  paymentDueAt?: string;
  reservations?: { sku: string; quantity: number }[];
  shortfalls?: { sku: string; short: number }[];
  packages?: {
    weightKg: number;
    lengthCm: number;
    widthCm: number;
    heightCm: number;
    lines: { sku: string; quantity: number }[];
  }[];
  shipment?: Shipment;
  /** Partial shipments (when the API has them): each with its own transport and tracking. */
  shipments?: Shipment[];
  /** What is still to ship after partial shipments (when the API has them). */
  backorder?: unknown;
  tracking?: {
    eta: string;
    exception?: { type: string; note?: string; [key: string]: unknown };
    lastEventAt?: string;
    events: TrackingEvent[];
  };
  delivery?: { deliveredAt: string; receivedBy?: string };
  documents?: { kind: string; number: string; version: number; issuedAt: string }[];
  documentTasks?: { set: string; summary: string; problems: string[]; since: string }[];
  cancellation?: { reason: string; at: string; refundDue: string; statusBefore: string };
  createdAt: string;
  updatedAt: string;
  timeline: TimelineEntry[];
}

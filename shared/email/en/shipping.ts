import type { TransportMode } from '../../domain/incoterms';
import type { Order } from '../../domain/order';
import { TRANSPORT_MODES, transportDocumentName } from '../../domain/shipment';
import { DOCUMENT_NAMES } from '../../locale/document-names';
import { type BuyerLinks, type BuyerTemplates, stillToPay } from '../buyer-catalog';
import { type Block, facts, paragraph, safeUrl } from '../layout';
import { bookingOf, deliveryOf, unitsText } from '../shipment-of';
import { capitalize, orderRef } from './common';

/** The goods on their way: shipped, an exception in transit, delivered. */

const MODE_WORDS: Record<TransportMode, string> = { SEA: 'sea', AIR: 'air', ROAD: 'road', RAIL: 'rail' };

function documentName(mode: string): string {
  return (TRANSPORT_MODES as readonly string[]).includes(mode)
    ? capitalize(transportDocumentName(mode as TransportMode))
    : 'Transport document';
}

/** The commercial invoice and packing list, linked through the tracking page; a word if not issued yet. */
function shippingDocuments(links: BuyerLinks): Block[] {
  if (!links.documents.length) {
    return [
      paragraph(
        'The commercial invoice and packing list will be on your tracking page as soon as they are issued.',
      ),
    ];
  }
  return [
    paragraph('Your shipping documents, for customs clearance:'),
    facts(
      ...links.documents.map((document) => ({
        label: DOCUMENT_NAMES.en[document.kind],
        value: document.number,
        href: document.url,
      })),
    ),
  ];
}

/** A shipment of an order shipped in parts: what it carries and what is still to come. */
function partialShipment(detail: {
  shipmentNo?: number;
  lines?: { sku: string; quantity: number }[];
  backorder?: { sku: string; quantity: number }[];
}): Block[] {
  if (detail.shipmentNo === undefined) return [];
  const rest = detail.backorder ?? [];
  return [
    facts(
      Boolean(detail.lines?.length) && { label: 'In this shipment', value: unitsText(detail.lines) },
      rest.length > 0 && { label: 'Still to come', value: unitsText(rest) },
    ),
    paragraph(
      rest.length
        ? 'The rest of your order follows in a later shipment; we will email you when it leaves.'
        : 'This is the last shipment of your order.',
    ),
  ];
}

export const ShipmentDispatched: BuyerTemplates['ShipmentDispatched'] = ({ detail, order, fmt, links }) => {
  const link = safeUrl(detail.trackingUrl);
  const mode = MODE_WORDS[detail.mode as TransportMode];
  const booked = bookingOf(order, detail.shipmentNo);
  const n = detail.shipmentNo;
  return {
    subject: n ? `Order ${order.orderId}: shipment ${n} has shipped` : `Order ${order.orderId} has shipped`,
    blocks: [
      paragraph(
        n
          ? `Shipment ${n} of your ${orderRef(order)} is on its way${mode ? ` by ${mode}` : ''}.`
          : `Your ${orderRef(order)} is on its way${mode ? ` by ${mode}` : ''}.`,
      ),
      facts(
        { label: 'Carrier', value: detail.carrier },
        booked?.vesselOrFlight && {
          label: detail.mode === 'AIR' ? 'Flight' : 'Vessel / voyage',
          value: booked.vesselOrFlight,
        },
        { label: documentName(detail.mode), value: detail.transportDocumentNo },
        { label: 'Tracking number', value: detail.trackingNumber },
        link && { label: 'Track it', value: link, href: link },
        { label: 'Departure (ETD)', value: fmt.date(detail.etd) },
        { label: 'Estimated arrival (ETA)', value: fmt.date(detail.eta) },
        booked?.portOfLoading && { label: 'Port of loading', value: booked.portOfLoading },
        booked?.portOfDischarge && {
          label: 'Port of discharge',
          value: booked.portOfDischarge,
        },
      ),
      ...partialShipment(detail),
      ...shippingDocuments(links),
      paragraph('We will let you know if anything changes on the way.'),
    ],
  };
};

/** What each exception means for the buyer, and what happens next. */
function exceptionWords(
  exception: string,
  order: Order,
  eta: string,
  shipmentNo?: number,
): { subject: string; blocks: Block[] } {
  // "Order ord_…" or, for one shipment of an order shipped in parts, "Order ord_…, shipment 2".
  const id = shipmentNo ? `${order.orderId}, shipment ${shipmentNo}` : order.orderId;
  switch (exception) {
    case 'DELAYED':
      return {
        subject: `Order ${id}: your shipment is delayed`,
        blocks: [
          paragraph(
            `The carrier reports a delay on your ${orderRef(order)}. The new estimated arrival is ${eta}.`,
          ),
          paragraph('There is nothing you need to do; we will keep you informed.'),
        ],
      };
    case 'DAMAGED':
      return {
        subject: `Order ${id}: damage reported on your shipment`,
        blocks: [
          paragraph(`The carrier reports damage to the goods of your ${orderRef(order)}.`),
          paragraph(
            'We are assessing it with the carrier and the insurer and will contact you about a replacement or a claim. When the goods arrive, please note any visible damage on the delivery receipt and keep the packaging.',
          ),
        ],
      };
    case 'LOST':
      return {
        subject: `Order ${id}: your shipment is missing`,
        blocks: [
          paragraph(`The carrier reports the consignment of your ${orderRef(order)} as lost.`),
          paragraph(
            'We are tracing it with the carrier. If it is not found, we will arrange a replacement or a claim and tell you the next steps.',
          ),
        ],
      };
    case 'CUSTOMS_HOLD':
      return {
        subject: `Order ${id}: your shipment is held by customs`,
        blocks: [
          paragraph(
            `Customs is holding the shipment of your ${orderRef(order)}. Estimated arrival for now: ${eta}.`,
          ),
          paragraph(
            order.incoterm.code === 'DDP'
              ? 'Under DDP we handle import clearance; we will tell you if anything is needed from you.'
              : `Under ${order.incoterm.code} import clearance is on your side: please check with your customs broker whether they need anything. We can send copies of the commercial invoice and packing list.`,
          ),
        ],
      };
    default:
      return {
        subject: `Order ${id}: an update on your shipment`,
        blocks: [
          paragraph(
            `The carrier reports a problem with the shipment of your ${orderRef(order)}. We are on it and will keep you informed.`,
          ),
        ],
      };
  }
}

export const ShipmentExceptionOpened: BuyerTemplates['ShipmentExceptionOpened'] = ({
  detail,
  order,
  fmt,
}) => {
  const words = exceptionWords(detail.exception, order, fmt.date(detail.eta), detail.shipmentNo);
  const booked = bookingOf(order, detail.shipmentNo);
  return {
    subject: words.subject,
    blocks: [
      ...words.blocks,
      facts(
        detail.shipmentNo !== undefined && {
          label: 'Shipment',
          value: `shipment ${detail.shipmentNo} of the order`,
        },
        detail.location && { label: 'Reported at', value: detail.location },
        { label: 'Estimated arrival (ETA)', value: fmt.date(detail.eta) },
        booked && {
          label: 'Tracking number',
          value: booked.trackingNumber,
          href: booked.trackingUrl,
        },
      ),
    ],
  };
};

export const OrderDelivered: BuyerTemplates['OrderDelivered'] = ({ detail, order, fmt }) => {
  const rest = stillToPay(order, order.paid);
  const n = detail.shipmentNo;
  const receivedBy = deliveryOf(order, n)?.receivedBy;
  const by = receivedBy ? `, received by ${receivedBy}` : '';
  return {
    subject: `Order ${order.orderId} delivered`,
    blocks: [
      paragraph(
        n
          ? `Shipment ${n} of your ${orderRef(order)} was delivered on ${fmt.date(detail.deliveredAt)}${by}: with it, your whole order has arrived.`
          : `Your ${orderRef(order)} was delivered on ${fmt.date(detail.deliveredAt)}${by}.`,
      ),
      ...(rest && rest.minor > 0
        ? [
            paragraph(
              `The remaining ${fmt.money(rest)} is due ${order.paymentDueAt ? `by ${fmt.date(order.paymentDueAt)}` : 'as in your payment schedule'}; we will send a reminder.`,
            ),
          ]
        : []),
      paragraph('Thank you for your order. If anything is not as it should be, please reply to this email.'),
    ],
  };
};

/** One shipment of an order shipped in parts arrived; the order is not complete yet. */
export const ShipmentDelivered: BuyerTemplates['ShipmentDelivered'] = ({ detail, order, fmt }) => {
  const receivedBy = deliveryOf(order, detail.shipmentNo)?.receivedBy;
  return {
    subject: `Order ${order.orderId}: shipment ${detail.shipmentNo} delivered`,
    blocks: [
      paragraph(
        `Shipment ${detail.shipmentNo} of your ${orderRef(order)} was delivered on ${fmt.date(detail.deliveredAt)}${receivedBy ? `, received by ${receivedBy}` : ''}.`,
      ),
      paragraph(
        'The rest of your order is on its way or follows in a later shipment; we will email you as each shipment leaves and arrives.',
      ),
    ],
  };
};

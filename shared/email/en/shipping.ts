import type { TransportMode } from '../../domain/incoterms';
import type { Order } from '../../domain/order';
import { TRANSPORT_MODES, transportDocumentName } from '../../domain/shipment';
import { DOCUMENT_NAMES } from '../../locale/document-names';
import { type BuyerLinks, type BuyerTemplates, stillToPay } from '../buyer-catalog';
import { type Block, facts, paragraph, safeUrl } from '../layout';
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

export const ShipmentDispatched: BuyerTemplates['ShipmentDispatched'] = ({ detail, order, fmt, links }) => {
  const link = safeUrl(detail.trackingUrl);
  const mode = MODE_WORDS[detail.mode as TransportMode];
  return {
    subject: `Order ${order.orderId} has shipped`,
    blocks: [
      paragraph(`Your ${orderRef(order)} is on its way${mode ? ` by ${mode}` : ''}.`),
      facts(
        { label: 'Carrier', value: detail.carrier },
        order.shipment?.vesselOrFlight && {
          label: detail.mode === 'AIR' ? 'Flight' : 'Vessel / voyage',
          value: order.shipment.vesselOrFlight,
        },
        { label: documentName(detail.mode), value: detail.transportDocumentNo },
        { label: 'Tracking number', value: detail.trackingNumber },
        link && { label: 'Track it', value: link, href: link },
        { label: 'Departure (ETD)', value: fmt.date(detail.etd) },
        { label: 'Estimated arrival (ETA)', value: fmt.date(detail.eta) },
        order.shipment?.portOfLoading && { label: 'Port of loading', value: order.shipment.portOfLoading },
        order.shipment?.portOfDischarge && {
          label: 'Port of discharge',
          value: order.shipment.portOfDischarge,
        },
      ),
      ...shippingDocuments(links),
      paragraph('We will let you know if anything changes on the way.'),
    ],
  };
};

/** What each exception means for the buyer, and what happens next. */
function exceptionWords(exception: string, order: Order, eta: string): { subject: string; blocks: Block[] } {
  const id = order.orderId;
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
  const words = exceptionWords(detail.exception, order, fmt.date(detail.eta));
  return {
    subject: words.subject,
    blocks: [
      ...words.blocks,
      facts(
        detail.location && { label: 'Reported at', value: detail.location },
        { label: 'Estimated arrival (ETA)', value: fmt.date(detail.eta) },
        order.shipment && {
          label: 'Tracking number',
          value: order.shipment.trackingNumber,
          href: order.shipment.trackingUrl,
        },
      ),
    ],
  };
};

export const OrderDelivered: BuyerTemplates['OrderDelivered'] = ({ detail, order, fmt }) => {
  const rest = stillToPay(order, order.paid);
  const receivedBy = order.delivery?.receivedBy;
  return {
    subject: `Order ${order.orderId} delivered`,
    blocks: [
      paragraph(
        `Your ${orderRef(order)} was delivered on ${fmt.date(detail.deliveredAt)}${receivedBy ? `, received by ${receivedBy}` : ''}.`,
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

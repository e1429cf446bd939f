import type { PageContext } from '../../shell/contract';
import { h } from '../../ui/dom';
import { formatDate, formatDateTime } from '../../ui/format';
import type { OrderView, Shipment } from './order-types';
import { facts, section, table } from './section-parts';

function shipmentFacts(ctx: PageContext, shipment: Shipment): HTMLElement {
  const { t, language } = ctx;
  const tracking = shipment.trackingNumber
    ? shipment.trackingUrl
      ? h(
          'a',
          { href: shipment.trackingUrl, target: '_blank', rel: 'noopener noreferrer' },
          shipment.trackingNumber,
        )
      : shipment.trackingNumber
    : undefined;
  return facts([
    [t('order.shipmentStatus'), shipment.status],
    [t('order.shipmentLines'), shipment.lines?.map((line) => `${line.sku} × ${line.quantity}`).join(', ')],
    [t('field.carrier'), shipment.carrier],
    [t('field.mode'), shipment.mode ? t(`mode.${shipment.mode}`) : undefined],
    [shipment.transportDocument ?? t('field.transportDocumentNo'), shipment.transportDocumentNo],
    [t('field.trackingNumber'), tracking],
    [t('field.vesselOrFlight'), shipment.vesselOrFlight as string | undefined],
    [t('field.etd'), shipment.etd ? formatDate(shipment.etd, language) : undefined],
    [t('field.eta'), shipment.eta ? formatDate(shipment.eta, language) : undefined],
    [t('field.portOfLoading'), shipment.portOfLoading],
    [t('field.portOfDischarge'), shipment.portOfDischarge],
    [
      t('order.deliveredAt'),
      shipment.deliveredAt ? formatDateTime(shipment.deliveredAt, language) : undefined,
    ],
  ]);
}

/** What is still to ship: `[{ sku, quantity }]` as the API gives it, else as it is. */
function backorderText(backorder: unknown): string {
  const lines = Array.isArray(backorder) ? backorder : (backorder as { lines?: unknown } | undefined)?.lines;
  if (Array.isArray(lines))
    return lines
      .map((line) => `${(line as { sku?: string }).sku} × ${(line as { quantity?: number }).quantity}`)
      .join(', ');
  return JSON.stringify(backorder);
}

/** The shipment (or the partial shipments, when the order has them), tracking, the open exception, delivery. */
export function shipmentSection(ctx: PageContext, order: OrderView): HTMLElement {
  const { t, language } = ctx;
  const shipments = order.shipments?.length ? order.shipments : order.shipment ? [order.shipment] : [];
  const exception = order.tracking?.exception;
  return section(
    'shipment',
    t('order.shipment'),
    exception
      ? h(
          'div',
          { class: 'notice notice-error', role: 'note', 'data-exception': exception.type },
          h(
            'p',
            null,
            t('order.openException', { type: t(`tracking.${exception.type}`) }),
            exception.note ? ` — ${exception.note}` : '',
          ),
        )
      : null,
    shipments.length === 0 ? h('p', null, t('order.notShipped')) : null,
    shipments.map((shipment, index) => [
      shipments.length > 1
        ? h('h3', null, t('order.shipmentNumber', { number: shipment.shipmentNo ?? index + 1 }))
        : null,
      shipmentFacts(ctx, shipment),
    ]),
    order.backorder && backorderText(order.backorder)
      ? [h('h3', null, t('order.backorder')), h('p', null, backorderText(order.backorder))]
      : null,
    order.tracking
      ? [
          h('h3', null, t('order.tracking')),
          facts([
            [t('field.eta'), formatDate(order.tracking.eta, language)],
            [
              t('order.lastUpdate'),
              order.tracking.lastEventAt ? formatDateTime(order.tracking.lastEventAt, language) : undefined,
            ],
          ]),
          order.tracking.events.length
            ? table(
                [t('order.at'), t('field.trackingStatus'), t('field.location'), t('order.note')],
                [...order.tracking.events]
                  .reverse()
                  .map((event) => [
                    formatDateTime(event.at, language),
                    t(`tracking.${event.status}`),
                    event.location ?? '',
                    event.note ?? '',
                  ]),
              )
            : null,
        ]
      : null,
    order.delivery
      ? facts([
          [t('order.deliveredAt'), formatDateTime(order.delivery.deliveredAt, language)],
          [t('field.receivedBy'), order.delivery.receivedBy],
        ])
      : null,
  );
}

import type { Customer } from '../domain/customer';
import type { Product } from '../domain/inventory';
import { sum } from '../domain/money';
import type { Address, Order } from '../domain/order';
import { packingTotals } from '../domain/packing';
import { describeTerms } from '../domain/payment-terms';
import { transportDocumentName } from '../domain/shipment';
import type { DocumentKind } from '../ports/trade-documents';
import { chargesFor } from './charges';
import { type CompanyDetails, isDefaultCompany } from './company-details';
import {
  DOCUMENT_TITLES,
  type DocumentDraft,
  type DocumentLine,
  type PackageRow,
  type Party,
} from './trade-document';

/** What a document of an order is built from, all read before: pure from here on. */
export interface OrderDocumentSources {
  order: Order;
  /** The buyer; missing only if the customer record is gone (the consignee is the ship-to anyway). */
  customer?: Customer;
  /** The ordered products by sku; a missing one gives lines without HS code or origin (a check fails). */
  products: ReadonlyMap<string, Product>;
  company: CompanyDetails;
}

const round3 = (kg: number) => Math.round(kg * 1000) / 1000;

export function exporterParty(company: CompanyDetails): Party {
  return {
    name: company.name,
    addressLines: company.addressLines,
    country: company.country,
    registrations: company.registrations,
    ...(company.email ? { email: company.email } : {}),
    ...(company.phone ? { phone: company.phone } : {}),
  };
}

export function addressLines(address: Address): string[] {
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return [address.line1, address.line2, cityLine, address.region].filter((line): line is string =>
    Boolean(line),
  );
}

function consigneeOf(order: Order, customer: Customer | undefined): Party {
  const ship = order.shippingAddress;
  const company = customer?.company;
  return {
    name: company ?? ship.name,
    ...(company && company !== ship.name ? { attention: ship.name } : {}),
    addressLines: addressLines(ship),
    country: ship.country,
  };
}

function documentLines(order: Order, products: ReadonlyMap<string, Product>): DocumentLine[] {
  return order.lines.map((line) => {
    const product = products.get(line.sku);
    const net = product?.netWeightKg;
    const gross = product?.grossWeightKg ?? product?.netWeightKg;
    return {
      lineNo: line.lineNo,
      sku: line.sku,
      description: product?.name ?? line.sku,
      ...(product?.hsCode ? { hsCode: product.hsCode } : {}),
      ...(product?.originCountry ? { originCountry: product.originCountry } : {}),
      quantity: line.quantity,
      unit: product?.unit ?? 'pcs',
      unitPrice: line.unitPrice,
      amount: line.amount,
      ...(net !== undefined ? { netWeightKg: round3(net * line.quantity) } : {}),
      ...(gross !== undefined ? { grossWeightKg: round3(gross * line.quantity) } : {}),
    };
  });
}

function packageRows(order: Order, products: ReadonlyMap<string, Product>): PackageRow[] | undefined {
  const packages = order.packages;
  if (!packages?.length) return undefined;
  const destination = `${order.shippingAddress.city}, ${order.shippingAddress.country}`;
  return packages.map((pkg, index) => {
    const nets = pkg.lines.map((line) => {
      const unit = products.get(line.sku)?.netWeightKg;
      return unit === undefined ? undefined : unit * line.quantity;
    });
    const net = sumIfAll(nets);
    const marks = [
      order.orderId,
      order.buyerPo && `PO ${order.buyerPo}`,
      destination,
      `C/No. ${index + 1}/${packages.length}`,
    ]
      .filter(Boolean)
      .join(' / ');
    return {
      packageNo: index + 1,
      marks,
      lengthCm: pkg.lengthCm,
      widthCm: pkg.widthCm,
      heightCm: pkg.heightCm,
      grossWeightKg: pkg.weightKg,
      ...(net !== undefined ? { netWeightKg: net } : {}),
      contents: pkg.lines.map((line) => ({ sku: line.sku, quantity: line.quantity })),
    };
  });
}

function sumIfAll(values: (number | undefined)[]): number | undefined {
  return values.every((value) => value !== undefined) && values.length
    ? round3((values as number[]).reduce((a, b) => a + b, 0))
    : undefined;
}

const NOTES: Record<DocumentKind, (order: Order) => string[]> = {
  'proforma-invoice': (order) => [
    `Issued for order ${order.orderId}: for the buyer's import formalities and payment as per the terms above; not a demand for payment of anything not due.`,
  ],
  'order-confirmation': (order) => [
    `We confirm order ${order.orderId}${order.buyerPo ? ` (your PO ${order.buyerPo})` : ''} on the terms above: delivery per Incoterms® 2020 ${order.incoterm.code} ${order.incoterm.place}.`,
    'This confirmation is the sales contract between the parties named above.',
  ],
  'commercial-invoice': () => [
    'We certify that this invoice is true and correct and that the goods are of the origin shown.',
  ],
  'packing-list': () => ['Weights in kilograms, dimensions in centimetres.'],
  'customs-declaration': () => [
    'Data for the customs broker, as declared by the exporter. The same data is available as JSON and CSV.',
  ],
};

/**
 * One document of the order, before numbering. Pure: the same sources give the same draft, so a
 * regeneration with nothing changed is recognised as a repeat and adds no version.
 */
export function buildOrderDocument(kind: DocumentKind, sources: OrderDocumentSources): DocumentDraft {
  const { order, customer, products, company } = sources;
  const lines = documentLines(order, products);
  const packages =
    kind === 'order-confirmation' || kind === 'proforma-invoice' ? undefined : packageRows(order, products);
  const packed = order.packingTotals ?? (order.packages?.length ? packingTotals(order.packages) : undefined);
  const shipment = order.shipment;
  const consignee = consigneeOf(order, customer);
  const buyerName = customer?.company ?? customer?.name;
  const charges = chargesFor(order.incoterm);
  const goods = sum(
    order.currency,
    order.lines.map((line) => line.amount),
  );
  const transport = shipment
    ? {
        mode: shipment.mode,
        carrier: shipment.carrier,
        ...(shipment.vesselOrFlight ? { vesselOrFlight: shipment.vesselOrFlight } : {}),
        ...(shipment.portOfLoading ? { portOfLoading: shipment.portOfLoading } : {}),
        ...(shipment.portOfDischarge ? { portOfDischarge: shipment.portOfDischarge } : {}),
        transportDocumentName: transportDocumentName(shipment.mode),
        transportDocumentNo: shipment.transportDocumentNo,
        etd: shipment.etd,
        eta: shipment.eta,
      }
    : undefined;
  const withBank = kind === 'proforma-invoice' || kind === 'commercial-invoice';
  return {
    kind,
    title: DOCUMENT_TITLES[kind],
    reference: { label: 'Order', value: order.orderId },
    ...(order.buyerPo ? { buyerPo: order.buyerPo } : {}),
    exporter: exporterParty(company),
    consignee,
    ...(customer && buyerName && buyerName !== consignee.name
      ? { buyer: { name: buyerName, addressLines: [], country: customer.country } }
      : {}),
    incoterm: order.incoterm,
    paymentTerms: describeTerms(order.paymentTerms),
    currency: order.currency,
    ...(transport ? { transport } : {}),
    lines,
    ...(packages ? { packages } : {}),
    freight: charges.freight,
    insurance: charges.insurance,
    totals: {
      goods,
      total: goods,
      quantity: order.lines.reduce((total, line) => total + line.quantity, 0),
      ...optional('netWeightKg', sumIfAll(lines.map((line) => line.netWeightKg))),
      ...optional(
        'grossWeightKg',
        packed?.grossWeightKg ?? sumIfAll(lines.map((line) => line.grossWeightKg)),
      ),
      ...(packages && packed ? { packageCount: packed.packageCount, volumeM3: packed.volumeM3 } : {}),
    },
    ...(withBank && company.bank ? { bank: company.bank } : {}),
    notes: [
      ...NOTES[kind](order),
      ...(isDefaultCompany(company)
        ? ['Company details are the defaults: an admin sets them with PUT /settings/company.']
        : []),
    ],
    ...(company.logo ? { logo: company.logo } : {}),
  };
}

function optional<K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}

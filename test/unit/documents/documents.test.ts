import { buildOrderDocument } from '../../../shared/documents/build-documents';
import { type CompanyDetails, DEFAULT_COMPANY_DETAILS } from '../../../shared/documents/company-details';
import { customsCsv, customsJson } from '../../../shared/documents/customs-data';
import { documentProblems, summarize } from '../../../shared/documents/document-checks';
import { formatDocumentNumber, numberSeries } from '../../../shared/documents/document-numbers';
import { renderProformaInvoice } from '../../../shared/documents/proforma';
import { NON_LATIN_NOTE, renderDocumentPdf } from '../../../shared/documents/render-pdf';
import { DOCUMENT_SETS, type TradeDocument } from '../../../shared/documents/trade-document';
import { parseAmount } from '../../../shared/domain/money';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../shared/ports/trade-documents';
import { customer, fixtureProducts, packedOrder, pdfText, shipment } from './support';

const company: CompanyDetails = {
  version: 3,
  name: 'Ningbo Valve Works Co., Ltd.',
  addressLines: ['88 Harbour Road', '315000 Ningbo'],
  country: 'CN',
  registrations: [{ label: 'USCI', value: '91330200MA2XXXXXX1' }],
  bank: {
    bankName: 'Bank of China Ningbo',
    accountName: 'Ningbo Valve Works',
    accountNumber: '3581-0000-1234',
    swift: 'BKCHCNBJ92A',
  },
};

function numbered(
  kind: DocumentKind,
  sources = { order: packedOrder({ shipment }), customer, products: fixtureProducts(), company },
): TradeDocument {
  return {
    ...buildOrderDocument(kind, sources),
    number: formatDocumentNumber(numberSeries(kind, '2026-12-01'), 123),
    date: '2026-12-01',
    version: 2,
  };
}

describe('document numbers', () => {
  it('numbers per kind and year with six digits', () => {
    // Act
    const number = formatDocumentNumber(numberSeries('commercial-invoice', '2026-03-04T10:00:00Z'), 123);
    // Assess
    expect(number).toBe('CI-2026-000123');
    expect(numberSeries('packing-list', '2027-01-01T00:00:00Z')).toBe('PL-2027');
  });
});

describe('document data from the order', () => {
  it('carries the lines with HS code, origin, weights, and the packages with marks', () => {
    // Act
    const packing = numbered('packing-list');
    // Assess
    expect(packing.lines[0]).toMatchObject({
      sku: 'VALVE-DN50',
      hsCode: '848180',
      originCountry: 'CN',
      quantity: 200,
      netWeightKg: 240,
      grossWeightKg: 280,
    });
    expect(packing.packages?.[0]).toMatchObject({ packageNo: 1, netWeightKg: 240, grossWeightKg: 300 });
    expect(packing.packages?.[0].marks).toContain('PO PO-77');
    expect(packing.packages?.[1].marks).toContain('C/No. 2/2');
    expect(packing.totals).toMatchObject({
      packageCount: 2,
      grossWeightKg: 490,
      netWeightKg: 392,
      quantity: 204,
    });
  });

  it('says who bears freight and insurance under the Incoterm when they are not invoiced apart', () => {
    // Act
    const fob = numbered('commercial-invoice');
    const cif = buildOrderDocument('commercial-invoice', {
      order: packedOrder({ incoterm: { code: 'CIF', place: 'Hamburg' } }),
      customer,
      products: fixtureProducts(),
      company,
    });
    // Assess
    expect(fob.freight.note).toBe("Main carriage for the buyer's account (FOB Shanghai)");
    expect(cif.insurance.note).toContain('Included in the prices above (CIF Hamburg');
  });
});

describe('checks before issue', () => {
  it('passes a complete order', () => {
    // Act
    const problems = documentProblems(DOCUMENT_SETS.shipping.map((kind) => numbered(kind)));
    // Assess
    expect(problems).toEqual([]);
  });

  it('names the lines without HS code or origin, grouped, in one sentence each', () => {
    // Prepare
    const products = fixtureProducts(({ hsCode: _h, originCountry: _o, ...rest }) => rest);
    const sources = { order: packedOrder(), customer, products, company };
    // Act
    const problems = documentProblems(
      DOCUMENT_SETS.shipping.map((kind) => buildOrderDocument(kind, sources)),
    );
    // Assess
    expect(problems).toEqual([
      '2 lines have no HS code: 1 VALVE-DN50, 2 PUMP-3KW',
      '2 lines have no country of origin: 1 VALVE-DN50, 2 PUMP-3KW',
    ]);
    expect(summarize(problems)).toBe('2 lines have no HS code (and 1 more problem)');
  });

  it('refuses an HS code of fewer than 6 digits, and packing that differs from the invoice', () => {
    // Prepare
    const products = fixtureProducts((p) => (p.sku === 'PUMP-3KW' ? { ...p, hsCode: '8413' } : p));
    const order = packedOrder();
    const short = {
      ...order,
      packages: [order.packages![0], { ...order.packages![1], lines: [{ sku: 'PUMP-3KW', quantity: 3 }] }],
    };
    // Act
    const problems = documentProblems(
      DOCUMENT_SETS.shipping.map((kind) =>
        buildOrderDocument(kind, { order: short, customer, products, company }),
      ),
    );
    // Assess
    expect(problems).toContain('1 line has an HS code of fewer than 6 digits: 2 PUMP-3KW');
    expect(problems).toContain('the packing list holds 3 of PUMP-3KW, the invoice 4');
  });

  it('refuses zero values', () => {
    // Prepare
    const order = packedOrder();
    const zero = {
      ...order,
      lines: [
        { ...order.lines[0], unitPrice: parseAmount('0', 'EUR'), amount: parseAmount('0', 'EUR') },
        order.lines[1],
      ],
    };
    // Act
    const problems = documentProblems([
      buildOrderDocument('proforma-invoice', { order: zero, customer, products: fixtureProducts(), company }),
    ]);
    // Assess
    expect(problems).toEqual(['1 line has a zero price: 1 VALVE-DN50']);
  });
});

describe('rendering', () => {
  it.each(DOCUMENT_KINDS)('%s shows the fields trade practice requires', async (kind) => {
    // Prepare
    const document = numbered(kind);
    // Act
    const text = await pdfText(await renderDocumentPdf(document));
    // Assess
    for (const field of [
      document.title,
      document.number,
      '2026-12-01',
      'Ningbo Valve Works Co., Ltd.',
      'USCI: 91330200MA2XXXXXX1',
      'Hamburg Tools GmbH',
      'Am Hafen 1',
      'PO-77',
      'FOB Shanghai',
      'TT 30/70',
      'EUR',
      'Ball valve DN50, stainless',
      '(VALVE-DN50)',
      '848180',
      '841370',
      '200',
    ]) {
      expect(text).toContain(field);
    }
    if (kind !== 'packing-list') {
      for (const field of [
        '12.50',
        '2,500.00',
        '899.90',
        '3,599.60',
        '6,099.60',
        "Main carriage for the buyer's account",
      ])
        expect(text).toContain(field);
    }
    if (kind === 'commercial-invoice' || kind === 'packing-list' || kind === 'customs-declaration') {
      for (const field of [
        'Maersk',
        'MAEU123456789',
        'CNSHA Shanghai',
        'DEHAM Hamburg',
        'Bill of lading (B/L)',
      ])
        expect(text).toContain(field);
    }
    if (kind === 'packing-list') {
      for (const field of ['120 x 80 x 100', 'C/No. 1/2', '490', '392']) expect(text).toContain(field);
    }
    if (kind === 'commercial-invoice' || kind === 'proforma-invoice') expect(text).toContain('BKCHCNBJ92A');
  });

  it.each(['commercial-invoice', 'packing-list', 'customs-declaration'] as const)(
    '%s prints the vessel or flight of the booked shipment',
    async (kind) => {
      // Prepare
      const order = packedOrder({ shipment: { ...shipment, vesselOrFlight: 'MAERSK ESSEX / 245W' } });
      const document = numbered(kind, { order, customer, products: fixtureProducts(), company });
      // Act
      const text = await pdfText(await renderDocumentPdf(document));
      const unnamed = await pdfText(await renderDocumentPdf(numbered(kind)));
      // Assess
      expect(document.transport?.vesselOrFlight).toBe('MAERSK ESSEX / 245W');
      expect(text).toMatch(/Vessel \/ flight\s*MAERSK ESSEX \/ 245W/);
      expect(unnamed).toMatch(/Vessel \/ flight\s*-/);
      expect(unnamed).not.toContain('MAERSK ESSEX');
    },
  );

  it('draws a Chinese buyer name as "?" with a note instead of failing', async () => {
    // Prepare
    const order = packedOrder({
      shippingAddress: { name: '上海进口有限公司', line1: '浦东大道 1号', city: 'Shanghai', country: 'CN' },
    });
    const document = numbered('commercial-invoice', {
      order,
      customer: { ...customer, company: undefined },
      products: fixtureProducts(),
      company,
    });
    // Act
    const text = await pdfText(await renderDocumentPdf(document));
    // Assess
    expect(text).toContain('????????');
    expect(text).toContain(NON_LATIN_NOTE);
    expect(JSON.parse(customsJson({ ...document, kind: 'customs-declaration' })).consignee.name).toBe(
      '上海进口有限公司',
    );
  });

  it('warns on documents made with the default company details', async () => {
    // Act
    const document = numbered('order-confirmation', {
      order: packedOrder(),
      customer,
      products: fixtureProducts(),
      company: DEFAULT_COMPANY_DETAILS,
    });
    const text = await pdfText(await renderDocumentPdf(document));
    // Assess
    expect(text).toContain('Company details are the defaults');
  });

  it('renders a proforma invoice from a quote, with freight and insurance apart', async () => {
    // Act
    const bytes = await renderProformaInvoice({
      number: 'PI-2026-000007',
      date: '2026-10-01',
      reference: { label: 'Quote', value: 'quo_1' },
      company,
      consignee: { name: 'Hamburg Tools GmbH', addressLines: ['Am Hafen 1', '20457 Hamburg'], country: 'DE' },
      incoterm: { code: 'CIF', place: 'Hamburg' },
      paymentTerms: 'TT 30% deposit, 70% before shipment',
      currency: 'EUR',
      lines: [
        {
          sku: 'VALVE-DN50',
          description: 'Ball valve DN50',
          hsCode: '848180',
          originCountry: 'CN',
          quantity: 100,
          unitPrice: parseAmount('12.50', 'EUR'),
        },
      ],
      freight: parseAmount('350', 'EUR'),
      insurance: parseAmount('12.75', 'EUR'),
      validUntil: '2026-10-31',
    });
    const text = await pdfText(bytes);
    // Assess
    for (const field of [
      'Proforma Invoice',
      'PI-2026-000007',
      'Quote quo_1',
      '1,250.00',
      '350.00',
      '12.75',
      '1,612.75',
      'Valid until 2026-10-31',
    ]) {
      expect(text).toContain(field);
    }
  });

  it('renders all five documents of a typical order quickly enough (figure printed)', async () => {
    // Prepare
    const documents = DOCUMENT_KINDS.map((kind) => numbered(kind));
    await renderDocumentPdf(documents[0]); // warm the fonts' code paths
    // Act
    const start = performance.now();
    for (let round = 0; round < 5; round++)
      for (const document of documents) await renderDocumentPdf(document);
    const perOrder = (performance.now() - start) / 5;
    // Assess
    console.log(`rendering the five PDFs of one order: ${perOrder.toFixed(1)} ms`);
    expect(perOrder).toBeLessThan(1500);
  });
});

describe('customs data', () => {
  it('as CSV: a header and one row per line, with HS code, origin, values and the B/L', () => {
    // Act
    const csv = customsCsv(numbered('customs-declaration'));
    // Assess
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('documentNumber,date,reference');
    expect(rows[1]).toContain('CD-2026-000123');
    expect(rows[1]).toContain('848180,CN,200,pcs,12.50,2500.00,240,280');
    expect(rows[2]).toContain('MAEU123456789');
  });

  it('as JSON and CSV: the vessel or flight beside the mode and the B/L', () => {
    // Prepare
    const order = packedOrder({ shipment: { ...shipment, vesselOrFlight: 'MAERSK ESSEX / 245W' } });
    const document = numbered('customs-declaration', {
      order,
      customer,
      products: fixtureProducts(),
      company,
    });
    // Act
    const json = JSON.parse(customsJson(document));
    const rows = customsCsv(document).trim().split('\r\n');
    // Assess
    expect(json.transport).toMatchObject({ mode: 'SEA', vesselOrFlight: 'MAERSK ESSEX / 245W' });
    expect(rows[0]).toContain('transportMode,vesselOrFlight,transportDocumentNo');
    expect(rows[1]).toContain('SEA,MAERSK ESSEX / 245W,MAEU123456789');
    expect(customsCsv(numbered('customs-declaration')).split('\r\n')[1]).toContain('SEA,,MAEU123456789');
  });
});

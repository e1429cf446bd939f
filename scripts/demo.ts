import { randomBytes } from 'node:crypto';
import { type Api, apiClient, readLocalInfo, waitForStatus } from './demo/api-client';

/**
 * `npm run demo` (with `npm start` running): seeds products, stock and customers, then walks four
 * export orders through their whole lifecycle — plain, credit hold, shortfall, delayed in transit —
 * printing each step as it happens.
 */
const run = randomBytes(3).toString('hex').toUpperCase();
const sku = (name: string) => `${name}-${run}`;
const step = (order: string, text: string) => process.stdout.write(`  [${order}] ${text}\n`);

async function seed(api: Api) {
  process.stdout.write(`Seeding products, stock and customers (run ${run})…\n`);
  const products = [
    {
      sku: sku('VALVE'),
      name: 'Ball valve DN50, stainless',
      hsCode: '848180',
      originCountry: 'CN',
      unit: 'pcs',
      netWeightKg: 1.2,
      grossWeightKg: 1.4,
      unitCost: '7.10',
      price: '12.50',
      currency: 'EUR',
    },
    {
      sku: sku('PUMP'),
      name: 'Centrifugal pump 3 kW',
      hsCode: '841370',
      originCountry: 'CN',
      unit: 'pcs',
      netWeightKg: 38,
      grossWeightKg: 45,
      unitCost: '540.00',
      price: '899.90',
      currency: 'EUR',
    },
  ];
  for (const product of products) await api('POST', '/products', 'procurement', product);
  await api('PUT', `/inventory/${sku('VALVE')}`, 'warehouse', {
    onHand: 1000,
    reorderPoint: 200,
    maxStock: 2000,
  });
  await api('PUT', `/inventory/${sku('PUMP')}`, 'warehouse', { onHand: 4, reorderPoint: 2, maxStock: 20 });
  const customer = (name: string, country: string, limit: string) =>
    api<{ customerId: string }>('POST', '/customers', 'storefront', {
      name,
      email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@buyer.example`,
      country,
      currency: 'EUR',
      creditLimit: { amount: limit, currency: 'EUR' },
    });
  return {
    hamburg: (await customer('Hamburg Tools GmbH', 'DE', '50000')).customerId,
    lyon: (await customer('Lyon Hydraulique SARL', 'FR', '1000')).customerId,
  };
}

function orderBody(
  customerId: string,
  paymentTerms: Record<string, unknown>,
  lines: { sku: string; quantity: number; unitPrice: string }[],
) {
  return {
    customerId,
    currency: 'EUR',
    incoterm: { code: 'CIF', place: 'Hamburg' },
    paymentTerms,
    lines,
    shippingAddress: {
      name: 'Receiving dock',
      line1: 'Am Hafen 1',
      city: 'Hamburg',
      postalCode: '20457',
      country: 'DE',
    },
    buyerPo: `PO-${run}`,
  };
}

async function place(api: Api, label: string, body: Record<string, unknown>) {
  const { orderId } = await api<{ orderId: string }>('POST', '/orders', 'storefront', body);
  step(label, `placed ${orderId}`);
  return orderId;
}

async function reach(api: Api, label: string, orderId: string, status: string) {
  await waitForStatus(api, orderId, [status]);
  step(label, `→ ${status}`);
}

async function payRest(api: Api, label: string, orderId: string, reference: string) {
  const order = await api<{ outstanding: string; currency: string }>('GET', `/orders/${orderId}`, 'finance');
  const { outstanding: amount, currency } = order;
  await api('POST', `/orders/${orderId}/payments`, 'finance', { amount, currency, reference });
  step(label, `finance recorded ${amount} ${currency} (${reference})`);
}

async function pack(api: Api, label: string, orderId: string, lines: { sku: string; quantity: number }[]) {
  await api('POST', `/orders/${orderId}/packing`, 'warehouse', {
    packages: [{ weightKg: 120, lengthCm: 120, widthCm: 80, heightCm: 90, lines }],
  });
  step(label, 'warehouse posted the packing list');
}

async function shipAndDeliver(api: Api, label: string, orderId: string, delayed = false) {
  await reach(api, label, orderId, 'READY_TO_SHIP');
  const eta = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await api('POST', `/orders/${orderId}/shipment`, 'logistics', {
    carrier: 'Maersk',
    mode: 'SEA',
    transportDocumentNo: `MAEU${run}1`,
    trackingNumber: `TRK${run}`,
    trackingUrl: 'https://tracking.example/TRK',
    etd: new Date().toISOString().slice(0, 10),
    eta,
    portOfLoading: 'CNSHA',
    portOfDischarge: 'DEHAM',
  });
  await reach(api, label, orderId, 'IN_TRANSIT');
  const at = () => new Date().toISOString();
  await api('POST', `/orders/${orderId}/tracking-events`, 'logistics', {
    status: 'DEPARTED',
    at: at(),
    location: 'Shanghai',
  });
  step(label, 'carrier: departed Shanghai');
  if (delayed) {
    const newEta = new Date(Date.now() + 37 * 86_400_000).toISOString().slice(0, 10);
    await api('POST', `/orders/${orderId}/tracking-events`, 'logistics', {
      status: 'DELAYED',
      at: at(),
      location: 'Suez',
      note: 'canal congestion',
      newEta,
    });
    step(
      label,
      `carrier: DELAYED at Suez, new ETA ${newEta} (exception opened; sales, logistics and the buyer told)`,
    );
    await api('POST', `/orders/${orderId}/tracking-events`, 'logistics', {
      status: 'IN_TRANSIT',
      at: at(),
      location: 'Mediterranean',
    });
    step(label, 'carrier: moving again (exception resolved)');
  }
  await api('POST', `/orders/${orderId}/delivery`, 'logistics', { deliveredAt: at(), receivedBy: 'Dock 3' });
  step(label, 'logistics recorded the delivery');
}

async function main() {
  const info = readLocalInfo();
  const api = apiClient(info);
  const customers = await seed(api);

  process.stdout.write('\n1. A plain order: TT 30/70, stock on hand\n');
  const valves = [{ sku: sku('VALVE'), quantity: 200 }];
  const plain = await place(
    api,
    'plain',
    orderBody(customers.hamburg, { type: 'TT', depositPercent: 30 }, [{ ...valves[0], unitPrice: '12.50' }]),
  );
  await reach(api, 'plain', plain, 'AWAITING_DEPOSIT');
  await api('POST', `/orders/${plain}/payments`, 'finance', {
    amount: '750.00',
    currency: 'EUR',
    reference: `DEP-${run}-1`,
  });
  step('plain', 'finance recorded the 30% deposit (750.00 EUR)');
  await reach(api, 'plain', plain, 'IN_PRODUCTION');
  await api('POST', `/orders/${plain}/packing`, 'warehouse', {
    packages: [{ weightKg: 290, lengthCm: 120, widthCm: 80, heightCm: 90, lines: valves }],
  });
  step('plain', 'warehouse posted the packing list');
  await reach(api, 'plain', plain, 'AWAITING_BALANCE');
  await payRest(api, 'plain', plain, `BAL-${run}-1`);
  await waitForStatus(api, plain, ['READY_TO_SHIP']);
  step('plain', '→ READY_TO_SHIP');
  const eta = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await api('POST', `/orders/${plain}/shipment`, 'logistics', {
    carrier: 'Maersk',
    mode: 'SEA',
    transportDocumentNo: `MAEU${run}0`,
    trackingNumber: `TRK${run}0`,
    etd: new Date().toISOString().slice(0, 10),
    eta,
  });
  await reach(api, 'plain', plain, 'IN_TRANSIT');
  await api('POST', `/orders/${plain}/delivery`, 'logistics', { deliveredAt: new Date().toISOString() });
  await reach(api, 'plain', plain, 'COMPLETED');

  process.stdout.write("\n2. A credit hold: open account (OA 60) over the customer's limit\n");
  const held = await place(
    api,
    'credit',
    orderBody(customers.lyon, { type: 'OA', netDays: 60 }, [
      { sku: sku('VALVE'), quantity: 100, unitPrice: '12.50' },
    ]),
  );
  await reach(api, 'credit', held, 'CREDIT_HOLD');
  await api('POST', `/orders/${held}/credit-decision`, 'finance', {
    decision: 'approve',
    note: 'long-standing customer',
  });
  step('credit', 'finance approved the credit');
  await reach(api, 'credit', held, 'IN_PRODUCTION');
  await pack(api, 'credit', held, [{ sku: sku('VALVE'), quantity: 100 }]);
  await shipAndDeliver(api, 'credit', held);
  await reach(api, 'credit', held, 'AWAITING_PAYMENT');
  await payRest(api, 'credit', held, `INV-${run}-2`);
  await reach(api, 'credit', held, 'COMPLETED');

  process.stdout.write('\n3. A shortfall: 10 pumps ordered, 4 in stock (prepaid)\n');
  const short = await place(
    api,
    'shortfall',
    orderBody(customers.hamburg, { type: 'PREPAID' }, [
      { sku: sku('PUMP'), quantity: 10, unitPrice: '899.90' },
    ]),
  );
  await reach(api, 'shortfall', short, 'AWAITING_DEPOSIT');
  await payRest(api, 'shortfall', short, `PRE-${run}-3`);
  await reach(api, 'shortfall', short, 'AWAITING_STOCK');
  step('shortfall', 'procurement was asked for 6 pumps (ProcurementRequested)');
  await api('POST', '/inventory/receipts', 'warehouse', { sku: sku('PUMP'), quantity: 6 });
  step('shortfall', 'warehouse received 6 pumps: the waiting order resumes');
  await reach(api, 'shortfall', short, 'IN_PRODUCTION');
  await pack(api, 'shortfall', short, [{ sku: sku('PUMP'), quantity: 10 }]);
  await shipAndDeliver(api, 'shortfall', short);
  await reach(api, 'shortfall', short, 'COMPLETED');

  process.stdout.write('\n4. Delayed in transit: LC at sight\n');
  const delayed = await place(
    api,
    'delayed',
    orderBody(customers.hamburg, { type: 'LC' }, [{ sku: sku('VALVE'), quantity: 50, unitPrice: '12.50' }]),
  );
  await reach(api, 'delayed', delayed, 'IN_PRODUCTION');
  await pack(api, 'delayed', delayed, [{ sku: sku('VALVE'), quantity: 50 }]);
  await reach(api, 'delayed', delayed, 'AWAITING_BALANCE');
  await payRest(api, 'delayed', delayed, `LC-${run}-4`);
  await shipAndDeliver(api, 'delayed', delayed, true);
  await reach(api, 'delayed', delayed, 'COMPLETED');

  process.stdout.write(`
Done. Four orders walked from receipt to completion.
  Buyer and department emails:  ${info.sesUrl}
  The orders (as finance):      curl -H 'Authorization: Bearer ${info.staffTokens.finance}' '${info.apiUrl}/orders?status=COMPLETED'
  Executions and events:        ${info.adminUrl}/executions  ${info.adminUrl}/events
`);
}

main().catch((error: Error) => {
  process.stderr.write(`demo stopped: ${error.message}\n`);
  process.exit(1);
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { eventually, type LocalSystem, startLocalSystem } from '../integration/support/local-system';
import {
  type ConsoleBrowser,
  eventuallyEqual,
  openConsoleBrowser,
  requireChromium,
  SCREENSHOT_DIR,
} from './support/console-browser';

/**
 * The console's secondary pages in Debian's Chromium, on the embedded runtime: a customer with an
 * inquiry, a quote, orders, stock, a supplier and a purchase order are made through the API; then each
 * role visits its pages, checks what they show and does one thing through each (a reply, a note, a
 * receipt, a statement import and a match, a subscription). A screenshot of each page is kept.
 */
const PAGES_SCREENSHOTS = join(SCREENSHOT_DIR, 'pages');

describe("the console's secondary pages, in a browser", () => {
  let system: LocalSystem;
  let browser: ConsoleBrowser;
  let page: Page;
  let consoleUrl: string;
  const pageErrors: string[] = [];
  const started = Date.now();
  const seeded = {
    customerId: '',
    heldCustomerId: '',
    inquiryId: '',
    quoteId: '',
    orderId: '',
    heldOrderId: '',
    purchaseOrderId: '',
  };

  const asSales = { as: 'sales' };
  const created = async (path: string, body: unknown, as: string) => {
    const answer = await system.api(path, { body, as });
    if (answer.status !== 201)
      throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.json)}`);
    return answer.json;
  };
  const orderStatus = async (orderId: string) =>
    (await system.api(`/orders/${orderId}`, asSales)).json.status;

  /** A buyer with a shipping address (a quote takes it), their inquiry, a quote for it, and an order awaiting its deposit. */
  const seedBuyer = async () => {
    const customer = await created(
      '/customers',
      {
        name: 'Jonas Weber',
        email: 'j.weber@hamburg-tools.example',
        country: 'DE',
        company: 'Hamburg Tools GmbH',
        currency: 'EUR',
        creditLimit: { amount: '50000.00', currency: 'EUR' },
        paymentTerms: { type: 'TT', depositPercent: 30 },
      },
      'sales',
    );
    seeded.customerId = customer.customerId;
    const order = await created(
      '/orders',
      {
        customerId: customer.customerId,
        currency: 'EUR',
        incoterm: { code: 'FOB', place: 'Shanghai' },
        paymentTerms: { type: 'TT', depositPercent: 30 },
        lines: [{ sku: 'VALVE-DN50', quantity: 100, unitPrice: '12.50' }],
        shippingAddress: { name: 'Hamburg Tools', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
      },
      'sales',
    );
    seeded.orderId = order.orderId;
    const patched = await system.api(`/customers/${customer.customerId}`, {
      method: 'PATCH',
      as: 'sales',
      body: {
        version: customer.version,
        addresses: [
          { kind: 'shipping', name: 'Hamburg Tools', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
        ],
      },
    });
    if (patched.status !== 200) throw new Error(`PATCH /customers answered ${patched.status}`);
    const inquiry = await created(
      '/inquiries',
      {
        customerId: customer.customerId,
        lines: [{ sku: 'VALVE-DN50', quantity: 500 }],
        text: 'Please quote 500 valves CIF Hamburg.',
        destinationCountry: 'DE',
        incoterm: 'CIF',
      },
      'sales',
    );
    seeded.inquiryId = inquiry.inquiryId;
    const quote = await created(
      '/quotes',
      { customerId: customer.customerId, inquiryId: inquiry.inquiryId },
      'sales',
    );
    seeded.quoteId = quote.quoteId;
  };

  /** An open-account buyer whose order goes over its limit: held for credit. */
  const seedHold = async () => {
    const held = await created(
      '/customers',
      {
        name: 'Lyon Hydraulique',
        email: 'achats@lyon-hydraulique.example',
        country: 'FR',
        currency: 'EUR',
        creditLimit: { amount: '500.00', currency: 'EUR' },
        paymentTerms: { type: 'OA', netDays: 60 },
      },
      'sales',
    );
    seeded.heldCustomerId = held.customerId;
    const heldOrder = await created(
      '/orders',
      {
        customerId: held.customerId,
        currency: 'EUR',
        incoterm: { code: 'FOB', place: 'Shanghai' },
        paymentTerms: { type: 'OA', netDays: 60 },
        lines: [{ sku: 'PUMP-3KW', quantity: 2, unitPrice: '899.90' }],
        shippingAddress: { name: 'Lyon Hydraulique', line1: '5 quai Rambaud', city: 'Lyon', country: 'FR' },
      },
      'sales',
    );
    seeded.heldOrderId = heldOrder.orderId;
  };

  /** The orders' workflows reach their waits on their own; the finance pages need them there. */
  const ordersAtTheirWaits = () =>
    Promise.all([
      eventually(
        async () => ((await orderStatus(seeded.orderId)) === 'AWAITING_DEPOSIT' ? true : undefined),
        30_000,
        'deposit',
      ),
      eventually(
        async () => ((await orderStatus(seeded.heldOrderId)) === 'CREDIT_HOLD' ? true : undefined),
        30_000,
        'hold',
      ),
    ]);

  /** Stock with a reorder point and a maximum; a supplier and a purchase order to receive. */
  const seedPurchasing = async () => {
    const stocked = await system.api('/inventory/VALVE-DN50', {
      method: 'PUT',
      as: 'warehouse',
      body: { onHand: 1000, reorderPoint: 200, maxStock: 5000 },
    });
    if (stocked.status !== 200) throw new Error(`PUT /inventory answered ${stocked.status}`);
    const supplier = await created(
      '/suppliers',
      { name: 'Ningbo Pumps Co.', leadTimeDays: 21, currency: 'EUR', skus: ['PUMP-3KW'] },
      'procurement',
    );
    const purchaseOrder = await created(
      '/purchase-orders',
      {
        supplierId: supplier.supplierId,
        currency: 'EUR',
        lines: [{ sku: 'PUMP-3KW', quantity: 20, unitCost: '500.00' }],
      },
      'procurement',
    );
    seeded.purchaseOrderId = purchaseOrder.purchaseOrderId;
  };

  /** The browser, the console's first load (its bundle is built then) and sales' sign-in. */
  const openConsole = async () => {
    browser = await openConsoleBrowser();
    page = browser.page;
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(consoleUrl);
    await signInAs('sales');
  };

  beforeAll(async () => {
    requireChromium();
    system = await startLocalSystem();
    consoleUrl = system.runtime.info.consoleUrl!;
    // Independent, so at once: the browser and the console load while the data is made.
    await Promise.all([
      openConsole(),
      system.seedProducts().then(() => Promise.all([seedBuyer(), seedHold(), seedPurchasing()])),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    process.stdout.write(
      `console pages test: ${shots} screenshots in ${PAGES_SCREENSHOTS} (${Math.round((Date.now() - started) / 1000)} s)\n`,
    );
  });

  /** Kept in a folder of their own (the order walk numbers its screenshots in the parent folder). */
  let shots = 0;
  const shoot = async (name: string) => {
    mkdirSync(PAGES_SCREENSHOTS, { recursive: true });
    shots++;
    await page.screenshot({
      path: join(PAGES_SCREENSHOTS, `${String(shots).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };
  const signInAs = async (role: string) => {
    if (await page.locator('button.sign-out').isVisible()) {
      await page.locator('button.sign-out').click();
      await page.locator('.sign-in').waitFor();
    }
    await page.locator(`.sign-in button[data-role="${role}"]`).click();
    await page.locator(`.topbar .role[data-role="${role}"]`).waitFor();
  };
  const visit = async (path: string, heading: string | RegExp) => {
    // The shell routes on the hash: set it in the page, as a click on a menu link would.
    await page.evaluate((hash) => {
      (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
    }, path);
    await eventuallyEqual(
      async () => (await page.locator('h1').textContent())?.trim(),
      heading instanceof RegExp ? expect.stringMatching(heading) : heading,
    );
    await page.locator('main .loading').waitFor({ state: 'detached' });
  };
  const notice = (text: string | RegExp) =>
    page.locator('.notice-info').filter({ hasText: text }).first().waitFor();

  it('shows inquiries and quotes, and replies to the buyer from the inquiry', async () => {
    // Act / Assess: the open inquiries, overdue first, with what was asked
    await visit('/inquiries', 'Inquiries');
    const inquiries = page.getByRole('table', { name: /Inquiries: Open/ });
    await inquiries
      .getByRole('row', { name: new RegExp(seeded.inquiryId) })
      .getByText('VALVE-DN50 × 500')
      .waitFor();
    await shoot('inquiries');

    await visit(`/inquiries/${seeded.inquiryId}`, `Inquiry ${seeded.inquiryId}`);
    await page.getByText('Please quote 500 valves CIF Hamburg.').waitFor();
    const reply = page.getByRole('form', { name: 'Reply to the buyer' });
    await reply.getByLabel('Message').fill('Thank you, our offer follows today.');
    await reply.getByRole('button', { name: 'Send reply' }).click();
    await notice('The reply was emailed to the buyer.');
    await page.getByText('Thank you, our offer follows today.').waitFor();
    await shoot('inquiry');

    // the quote: each line's price explained, the approval and acceptance state
    await visit('/quotes', 'Quotes');
    await page
      .getByRole('table', { name: /Quotes: Open/ })
      .getByRole('link', { name: seeded.quoteId })
      .click();
    await eventuallyEqual(
      async () => (await page.locator('h1').textContent())?.trim(),
      `Quote ${seeded.quoteId}, revision 1`,
    );
    const lines = page.getByRole('table', { name: 'Lines, and how each price was made' });
    await lines
      .getByRole('row', { name: /VALVE-DN50/ })
      .getByText(/^Unit price €/)
      .waitFor();
    await lines.getByText(/^Cost €/).waitFor();
    await page.getByRole('table', { name: 'Revisions' }).getByText('created').first().waitFor();
    await shoot('quote');
  });

  it('shows the customer 360 and keeps a note in the history', async () => {
    // Act
    await visit(`/customers/${seeded.customerId}`, 'Jonas Weber · Hamburg Tools GmbH');

    // Assess: profile, insights, orders, quotes, inquiries, credit
    await page.getByRole('region', { name: 'Profile' }).getByText('j.weber@hamburg-tools.example').waitFor();
    await page.getByRole('region', { name: 'Insights' }).getByText('Quote win rate').waitFor();
    await page.getByRole('table', { name: 'Orders' }).getByRole('link', { name: seeded.orderId }).waitFor();
    await page.getByRole('table', { name: 'Quotes' }).getByRole('link', { name: seeded.quoteId }).waitFor();
    await page
      .getByRole('table', { name: 'Inquiries' })
      .getByRole('link', { name: seeded.inquiryId })
      .waitFor();
    await page
      .getByRole('region', { name: 'Credit terms and history' })
      .getByText('€50,000.00')
      .first()
      .waitFor();

    const add = page.getByRole('form', { name: 'Add a note or call' });
    await add.getByLabel('Kind').selectOption('call');
    await add.getByLabel('Subject').fill('Called about the CIF quote');
    await add.getByRole('button', { name: 'Add to history' }).click();
    await notice('Added to the history.');
    await page
      .getByRole('table', { name: 'Communication history' })
      .getByText('Called about the CIF quote')
      .waitFor();

    await page.locator('summary', { hasText: 'Edit the profile' }).click();
    const edit = page.getByRole('form', { name: 'Edit the profile' });
    await edit.getByLabel('Tags').fill('key account, valves');
    await edit.getByRole('button', { name: 'Save profile' }).click();
    await notice('Profile saved.');
    await page.getByRole('region', { name: 'Profile' }).getByText('key account, valves').waitFor();
    await shoot('customer');

    await visit('/customers', 'Customers');
    await page.getByRole('region', { name: 'Prospects: inquired, never ordered' }).waitFor();
    await page.getByRole('region', { name: /Top customers/ }).waitFor();
    await shoot('customer-lists');
  });

  it('shows stock and purchase orders, and records a receipt', async () => {
    // Prepare
    await signInAs('procurement');

    // Act / Assess: stock per warehouse with its reorder point and maximum, and the ledger
    await visit('/inventory/VALVE-DN50', 'Stock of VALVE-DN50');
    const stock = page.getByRole('table', { name: 'Stock per warehouse' });
    await stock.getByRole('columnheader', { name: 'Reorder point' }).waitFor();
    await stock.getByRole('cell', { name: '5,000' }).waitFor();
    await page.getByRole('region', { name: 'Reserved for orders' }).getByText('Nothing reserved.').waitFor();
    await page
      .getByRole('table', { name: 'Movements (newest first)' })
      .getByText('Adjusted')
      .first()
      .waitFor();
    await shoot('stock');

    await visit('/purchase-orders', 'Purchase orders');
    await page.getByRole('link', { name: seeded.purchaseOrderId }).click();
    await eventuallyEqual(
      async () => (await page.locator('h1').textContent())?.trim(),
      `Purchase order ${seeded.purchaseOrderId}`,
    );
    const receipt = page.getByRole('form', { name: 'Record a receipt' });
    await receipt.getByLabel(/Received now of line 1: PUMP-3KW/).fill('8');
    await receipt.getByRole('button', { name: 'Record receipt' }).click();
    await notice('Receipt recorded.');
    await page.getByRole('region', { name: 'Details' }).getByText('Partly received').waitFor();
    await page.getByRole('table', { name: 'Receipts' }).getByText('PUMP-3KW × 8').waitFor();
    await shoot('purchase-order');

    await visit('/inventory', 'Stock');
    await page.getByRole('region', { name: 'Replenishment requests' }).waitFor();
    // Every sku's stock (GET /inventory), and the "below reorder point" filter (VALVE-DN50 is above it)
    const overview = page.getByRole('table', { name: 'Stock of every SKU (below reorder point first)' });
    await overview.getByRole('link', { name: 'VALVE-DN50' }).waitFor();
    const filter = page.getByRole('search', { name: 'Show' });
    await filter.getByLabel('Show').selectOption('1');
    await filter.getByRole('button').click();
    await page
      .getByRole('region', { name: 'Stock of every SKU' })
      .getByText('No SKU is at or below its reorder point.')
      .waitFor();
    await visit('/suppliers', 'Suppliers');
    await page
      .getByRole('table', { name: 'All suppliers (newest first)' })
      .getByRole('rowheader', { name: 'Ningbo Pumps Co.' })
      .waitFor();
    await shoot('suppliers');
  });

  it('imports a bank statement, matches its credit by hand, and shows receivables, aging and credit holds', async () => {
    // Prepare
    await ordersAtTheirWaits();
    await signInAs('finance');
    const csv =
      'date,amount,currency,reference,counterparty_name,bank_reference\n2026-05-04,100.00,EUR,samples,Hamburg Tools GmbH,E2E-PAGES-1\n';

    // Act: the statement through the form, then the queue's credit matched to the order awaiting its deposit
    await visit('/finance/reconciliation', 'Reconciliation');
    const upload = page.getByRole('form', { name: 'Import a bank statement' });
    await upload.getByLabel('Statement file (CSV or camt.053 XML)').setInputFiles({
      name: 'statement.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await upload.getByRole('button', { name: 'Import' }).click();
    await notice(/CSV: 1 transactions, 0 matched, 1 to reconcile/);
    const queue = page.getByRole('table', { name: 'Bank transactions: Unmatched (the queue)' });
    const row = queue.getByRole('row', { name: /samples/ });
    await row.waitFor();
    await shoot('reconciliation');
    const orderField = row.getByLabel(/^Order for btx_/);
    await orderField.fill(seeded.orderId);
    await row.getByRole('button', { name: 'Match' }).click();

    // Assess
    await notice(/recorded as payment on/);
    await queue.getByRole('row', { name: /samples/ }).waitFor({ state: 'detached' });
    expect((await system.api(`/orders/${seeded.orderId}`, asSales)).json.paid).toBe('100.00');

    // a statement imported elsewhere (here: the API) reaches the open queue through the live feed
    const elsewhere = await system.api('/bank-transactions', {
      as: 'finance',
      body: {
        format: 'csv',
        content:
          'date,amount,currency,reference,bank_reference\n2026-05-05,42.00,EUR,arrived live,E2E-PAGES-2\n',
      },
    });
    expect(elsewhere.status).toBeLessThan(300);
    await queue.getByRole('row', { name: /arrived live/ }).waitFor();

    // receivables and the aging chart (an inline SVG described for screen readers, with its table)
    await visit('/finance/receivables', 'Receivables');
    const chart = page.getByRole('img', { name: 'Receivables aging in EUR' });
    await chart.waitFor();
    expect(await chart.locator('desc').textContent()).toMatch(/Current: €\d/);
    expect(await chart.locator('g.bar rect').count()).toBe(5);
    await page
      .getByRole('table', { name: /Aging per customer/ })
      .getByRole('link', { name: seeded.customerId })
      .waitFor();
    await page
      .getByRole('table', { name: /Open installments/ })
      .getByRole('link', { name: seeded.orderId })
      .first()
      .waitFor();
    await shoot('receivables');

    await visit('/finance/credit-holds', 'Credit holds');
    const hold = page
      .getByRole('table', { name: /Orders held for credit review/ })
      .getByRole('row', { name: new RegExp(seeded.heldOrderId) });
    await hold.getByText('€500.00').first().waitFor();
    await hold.getByRole('button', { name: 'Approve' }).waitFor();
    await shoot('credit-holds');

    // the same page in Simplified Chinese
    await page.locator('#language-switch').selectOption('zh-CN');
    await eventuallyEqual(async () => (await page.locator('h1').textContent())?.trim(), '信用审核');
    await page.getByRole('table', { name: '因信用审核而暂停的订单，暂停最久的在前' }).waitFor();
    await shoot('credit-holds-zh-CN');
    await page.locator('#language-switch').selectOption('en');
    await eventuallyEqual(async () => (await page.locator('h1').textContent())?.trim(), 'Credit holds');
  });

  it('shows escalations with their settings, and creates a department subscription', async () => {
    // Prepare
    await signInAs('admin');

    // Act / Assess
    await visit('/escalations', 'Escalations');
    await page.getByRole('region', { name: 'Overdue waits' }).waitFor();
    await page
      .getByRole('table', { name: 'Service levels in force' })
      .getByRole('row', { name: /credit decision/ })
      .waitFor();
    await page
      .getByRole('form', { name: 'Business calendar and managers' })
      .getByLabel('Time zone')
      .waitFor();
    await shoot('escalations');

    await visit('/subscriptions', 'Subscriptions');
    const create = page.getByRole('form', { name: 'Create a subscription' });
    await create.getByLabel('Department').selectOption('finance');
    await create.getByLabel('Name').fill('Finance desk');
    await create.getByLabel('Emails').fill('finance-desk@example.com');
    await create.getByLabel('Only these events').fill('CreditHeld');
    await create.getByRole('button', { name: 'Create subscription' }).click();
    await notice(/Subscription sub_\w+ created\./);
    const listed = page
      .getByRole('table', { name: 'Department subscriptions' })
      .getByRole('row', { name: /Finance desk/ });
    await listed.getByText('Events: CreditHeld').waitFor();
    await shoot('subscriptions');

    // Nothing on the way threw in the page
    expect(pageErrors).toEqual([]);
  });
});

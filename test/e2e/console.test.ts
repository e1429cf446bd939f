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
 * The staff console in Debian's Chromium (playwright-core), on the embedded runtime: a customer,
 * products and stock are made through the API and an order is placed by the storefront; from then on
 * the order goes from receipt to completion through the console alone, each department signing in
 * with its role and clicking its action, the page following the order live. A screenshot of each
 * page is kept under test/e2e/screenshots/.
 */
describe('the staff console, in a browser', () => {
  let system: LocalSystem;
  let browser: ConsoleBrowser;
  let page: Page;
  let consoleUrl: string;
  const shots: string[] = [];
  const started = Date.now();

  beforeAll(async () => {
    requireChromium();
    system = await startLocalSystem();
    await system.seedProducts();
    consoleUrl = system.runtime.info.consoleUrl!;
    browser = await openConsoleBrowser();
    page = browser.page;
    page.setDefaultTimeout(30_000);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await system?.stop();
    process.stdout.write(
      `console test: ${shots.length} screenshots in ${SCREENSHOT_DIR} (${Math.round((Date.now() - started) / 1000)} s)\n`,
    );
  });

  const shoot = async (name: string) => shots.push(await browser.screenshot(name));
  const signIn = async (role: string) => {
    await page.locator(`.sign-in button[data-role="${role}"]`).click();
    await page.locator(`.topbar .role[data-role="${role}"]`).waitFor();
  };
  const signOut = async () => {
    await page.locator('button.sign-out').click();
    await page.locator('.sign-in').waitFor();
  };
  const asRole = async (role: string) => {
    await signOut();
    await signIn(role);
  };
  /** The order page shows the status, having followed the order live (no reload by the test). */
  const statusIs = (status: string) =>
    page.locator(`.order-summary [data-status="${status}"]`).waitFor({ timeout: 45_000 });
  const openAction = async (action: string) => {
    await page.locator(`button[data-action="${action}"]`).click();
    return page.locator(`[data-form="${action}"]`);
  };
  const submit = (form: ReturnType<Page['locator']>) => form.locator('button[type="submit"]').click();

  /** On a failure: the page as it was, and the order's status at the API, added to the error. */
  const explained = async (orderId: string, walk: () => Promise<void>) => {
    try {
      await walk();
    } catch (error) {
      const shot = await browser.screenshot('failure').catch(() => 'none');
      const status = (await system.api(`/orders/${orderId}`, { as: 'sales' })).json?.status;
      process.stdout.write(`console test failed: screenshot ${shot}; the API has the order ${status}\n`);
      throw error;
    }
  };

  it('walks an order from receipt to completion, each department doing its part in the console', async () => {
    // Prepare: an open-account buyer whose limit the order exceeds (a credit hold), placed by the shop
    const customer = await system.api('/customers', {
      body: {
        name: 'Lyon Hydraulique SARL',
        email: 'achats@lyon-hydraulique.example',
        country: 'FR',
        currency: 'EUR',
        creditLimit: { amount: '1000.00', currency: 'EUR' },
        paymentTerms: { type: 'OA', netDays: 60 },
      },
    });
    expect(customer.status).toBe(201);
    const placed = await system.api('/orders', {
      body: {
        customerId: customer.json.customerId,
        currency: 'EUR',
        incoterm: { code: 'FOB', place: 'Shanghai' },
        paymentTerms: { type: 'OA', netDays: 60 },
        lines: [{ sku: 'VALVE-DN50', quantity: 100, unitPrice: '12.50' }],
        shippingAddress: { name: 'Lyon Hydraulique', line1: '5 quai Rambaud', city: 'Lyon', country: 'FR' },
        buyerPo: 'PO-LYON-7',
      },
    });
    expect(placed.status).toBe(201);
    const orderId: string = placed.json.orderId;
    // the automatic credit review holds it (over the limit, on open account)
    await eventually(
      async () =>
        (await system.api(`/orders/${orderId}`, { as: 'sales' })).json?.status === 'CREDIT_HOLD'
          ? true
          : undefined,
      45_000,
      'CREDIT_HOLD',
    );
    await explained(orderId, async () => {
      // Act + Assess: sales signs in and finds the order held for credit on the board
      await page.goto(consoleUrl);
      await eventuallyEqual(() => page.locator('h1').textContent(), 'Sign in to tradeflow');
      await shoot('sign-in');
      await signIn('sales');
      await eventuallyEqual(() => page.locator('h1').textContent(), 'Pipeline');
      await eventuallyEqual(() => page.locator(':focus').getAttribute('id'), 'page-title');
      const card = page.locator(`[data-status="CREDIT_HOLD"] [data-order-id="${orderId}"]`);
      await card.waitFor({ timeout: 45_000 });
      await page.locator('.board-filters input[name="country"]').fill('FR');
      await page.locator('.board-filters button[type="submit"]').click();
      await eventuallyEqual(async () => new URL(page.url()).hash, '#/orders?country=FR');
      await card.waitFor();
      await shoot('board-sales');

      // the order page: its workflow lit at the credit decision, the action there for finance
      await card.click();
      await eventuallyEqual(() => page.locator('h1').textContent(), `Order ${orderId}`);
      await statusIs('CREDIT_HOLD');
      await eventuallyEqual(
        () => page.locator('.workflow svg').getAttribute('data-current-state'),
        'WaitForCreditDecision',
      );
      await eventuallyEqual(
        () => page.locator('.workflow .wf-current').getAttribute('data-state'),
        'WaitForCreditDecision',
      );
      await page.locator('button[data-action="credit-decision"]').waitFor({ state: 'visible' });
      await shoot('order-credit-hold');

      // the language switch: the same page in Simplified Chinese, then back
      await page.locator('#language-switch').selectOption('zh-CN');
      await eventuallyEqual(() => page.locator('h1').textContent(), `订单 ${orderId}`);
      await eventuallyEqual(() => page.locator('html').getAttribute('lang'), 'zh-CN');
      await shoot('order-zh-CN');
      await page.locator('#language-switch').selectOption('en');
      await eventuallyEqual(() => page.locator('h1').textContent(), `Order ${orderId}`);

      // finance approves the credit; the order moves on by itself to production
      await asRole('finance');
      await statusIs('CREDIT_HOLD');
      const decision = await openAction('credit-decision');
      await decision.locator('textarea[name="note"]').fill('Paid on time for two years');
      await decision.locator('button[data-decision="approve"]').click();
      await statusIs('IN_PRODUCTION');
      await eventuallyEqual(
        () => page.locator('.workflow svg').getAttribute('data-current-state'),
        'WaitForPacking',
      );
      await shoot('order-in-production');

      // the warehouse may not cancel: the API refuses and the page says so
      await asRole('warehouse');
      const cancel = await openAction('cancel');
      await cancel.locator('textarea[name="reason"]').fill('Trying what the warehouse may not do');
      await submit(cancel);
      await eventuallyEqual(
        () => page.locator('.notices .notice-error').textContent(),
        expect.stringContaining('may call this route'),
      );
      await statusIs('IN_PRODUCTION');

      // …but packs: one package with every unit
      await page.reload();
      const packing = await openAction('packing');
      await packing.locator('[data-measure="weightKg"]').fill('120');
      await packing.locator('[data-measure="lengthCm"]').fill('120');
      await packing.locator('[data-measure="widthCm"]').fill('80');
      await packing.locator('[data-measure="heightCm"]').fill('90');
      await submit(packing);
      await statusIs('READY_TO_SHIP');
      await page.locator('[data-section="documents"] button[data-document="packing-list"]').waitFor();
      await shoot('order-ready-to-ship');

      // logistics books the shipment, posts the carrier's update, records the delivery
      await asRole('logistics');
      const shipment = await openAction('shipment');
      await shipment.locator('input[name="carrier"]').fill('Maersk');
      await shipment.locator('input[name="transportDocumentNo"]').fill('MAEU123456789');
      await shipment.locator('input[name="trackingNumber"]').fill('TRK-LYON-7');
      await shipment.locator('input[name="portOfLoading"]').fill('CNSHA');
      await shipment.locator('input[name="portOfDischarge"]').fill('FRFOS');
      await submit(shipment);
      await statusIs('IN_TRANSIT');
      const update = await openAction('tracking-event');
      await update.locator('select[name="status"]').selectOption('DEPARTED');
      await update.locator('input[name="location"]').fill('Shanghai');
      await submit(update);
      await eventuallyEqual(
        () => page.locator('[data-section="shipment"] table').textContent(),
        expect.stringContaining('Departed'),
      );
      await shoot('order-in-transit');
      const delivery = await openAction('delivery');
      await delivery.locator('input[name="receivedBy"]').fill('Receiving dock');
      await submit(delivery);
      await statusIs('AWAITING_PAYMENT');
      await shoot('order-awaiting-payment');

      // finance records the buyer's payment, prefilled with what is owed: the order completes
      await asRole('finance');
      await statusIs('AWAITING_PAYMENT');
      const payment = await openAction('payment');
      await eventuallyEqual(() => payment.locator('input[name="amount"]').inputValue(), '1250.00');
      await payment.locator('input[name="reference"]').fill('BANK-LYON-7');
      await submit(payment);
      await statusIs('COMPLETED');
      await eventuallyEqual(
        () => page.locator('.workflow svg').getAttribute('data-current-state'),
        'Completed',
      );
      await eventuallyEqual(
        () => page.locator('[data-section="actions"]').textContent(),
        expect.stringContaining('Nothing is waiting for staff'),
      );
      await shoot('order-completed');

      // the board has it among the completed orders
      await page.locator('a', { hasText: 'Pipeline' }).first().click();
      await page.locator(`[data-status="COMPLETED"] [data-order-id="${orderId}"]`).waitFor();
      await shoot('board-completed');
    });

    // and the API has what was entered in the console
    const order = await eventually(async () => {
      const answer = (await system.api(`/orders/${orderId}`, { as: 'sales' })).json;
      return answer.status === 'COMPLETED' ? answer : undefined;
    });
    expect(order.payments).toEqual([
      expect.objectContaining({ amount: '1250.00', reference: 'BANK-LYON-7' }),
    ]);
    expect(order.shipment).toMatchObject({ carrier: 'Maersk', trackingNumber: 'TRK-LYON-7' });
  }, 240_000);
});

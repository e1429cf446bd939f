import { departmentRules } from '../../../../infra/topology/lifecycle';
import { makeInMemoryOnceLog, makeRecordingMailer } from '../../../../shared/adapters/in-memory/side-effects';
import type { EventType } from '../../../../shared/contracts/events';
import { DEPARTMENTS, type Department } from '../../../../shared/email/department/next-steps';
import { InvalidInputError } from '../../../../shared/errors';
import { makeNotifyDepartment } from '../../../../shared/use-cases/notify-department';
import { event, lastSent, ORDER_ID, world } from './world';

/** The detail types each department's rule routes to it, besides OrderStalled (infra/topology/lifecycle.ts). */
function routedTypes(department: Department): EventType[] {
  const rule = departmentRules.find((r) => r.name === `${department}-notifications`);
  if (!rule) throw new Error(`no rule for ${department}`);
  const alternatives = (rule.pattern as { $or: { 'detail-type': string[] }[] }).$or;
  return alternatives[0]['detail-type'] as EventType[];
}

const routed = DEPARTMENTS.flatMap((department) =>
  routedTypes(department).map((type) => [department, type] as const),
);

/** Details that ask something of the department, where the default detail does not. */
const ACTIONABLE: Partial<Record<EventType, object>> = {
  PaymentReceived: {
    outstanding: { amount: '0.00', currency: 'EUR' },
    overpayment: { amount: '5.00', currency: 'EUR' },
  },
};

describe('department notices', () => {
  it.each(routed)(
    '%s hears of %s: a short email to its mailbox saying what to do next',
    async (department, type) => {
      // Prepare
      const w = world();
      const change = event(type, ACTIONABLE[type]);
      // A quote's events have no order: their subject is the quote (`Quote: quo_… (GET /quotes/quo_…)`).
      const subject = type.startsWith('Quote') ? (change.detail as { quoteId: string }).quoteId : ORDER_ID;
      const reference = subject.startsWith('quo_')
        ? `Quote: ${subject} (GET /quotes/${subject})`
        : `Order: ${ORDER_ID} (GET /orders/${ORDER_ID})`;

      // Act
      const outcome = await w.notifyDepartment(department)(change);

      // Assess
      expect(outcome).toBe('sent');
      const email = lastSent(w.mailer);
      expect(email.to).toEqual([`${department}@tradeflow.example.com`]);
      expect(email.subject).toMatch(new RegExp(`^\\[${department}\\] .+: ${subject}`));
      const lines = email.text.split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(3);
      expect(lines.length).toBeLessThanOrEqual(6);
      expect(email.text).toMatch(/^Next: .+/m);
      expect(email.text).toContain(reference);
      expect(email.tags).toEqual({ orderId: subject, change: type, department });
    },
  );

  it('tells finance of a credit hold with the numbers and the decision to take', async () => {
    // Prepare
    const w = world();

    // Act
    await w.notifyDepartment('finance')(event('CreditHeld'));

    // Assess
    const email = lastSent(w.mailer);
    expect(email.subject).toBe(
      `[finance] Credit hold: ${ORDER_ID} (EUR 6,099.60 over limit by EUR 1,099.60)`,
    );
    expect(email.text).toContain('Why: over the credit limit by EUR 1099.60.');
    expect(email.text).toContain('Limit EUR 5,000.00');
    expect(email.text).toContain(`Next: approve or reject: POST /orders/${ORDER_ID}/credit-decision.`);
  });

  it('tells finance to refund an overpayment, and what a cancellation leaves to refund', async () => {
    // Prepare
    const w = world();
    const finance = w.notifyDepartment('finance');

    // Act
    await finance(
      event('PaymentReceived', {
        outstanding: { amount: '0.00', currency: 'EUR' },
        overpayment: { amount: '150.00', currency: 'EUR' },
      }),
    );
    await finance(event('OrderCancelled'));

    // Assess
    expect(w.mailer.sent[0].text).toContain(
      'Next: refund or credit the overpayment of EUR 150.00 to the buyer.',
    );
    expect(w.mailer.sent[1].text).toContain('Next: refund EUR 1,829.88 to the buyer.');
    expect(w.mailer.sent[1].subject).toBe(`[finance] Cancelled: ${ORDER_ID} (was IN_PRODUCTION)`);
  });

  it('does not email a department a change it made itself or one that asks nothing of it', async () => {
    // Prepare
    const w = world();

    // Act: finance recorded the payment; logistics posted the shipment and the delivery.
    const outcomes = [
      await w.notifyDepartment('finance')(event('PaymentReceived')),
      await w.notifyDepartment('finance')(event('DepositReceived')),
      await w.notifyDepartment('finance')(event('OrderConfirmed')),
      await w.notifyDepartment('logistics')(event('ShipmentDispatched')),
      await w.notifyDepartment('logistics')(event('OrderDelivered')),
      await w.notifyDepartment('production')(event('OrderPacked')),
      await w.notifyDepartment('sales')(event('OrderCompleted')),
    ];

    // Assess
    expect(outcomes).toEqual(Array(7).fill('skipped'));
    expect(w.mailer.sent).toHaveLength(0);
    expect(w.once.claims.size).toBe(0);
  });

  it('tells procurement what to source and logistics what to book', async () => {
    // Prepare
    const w = world();

    // Act
    await w.notifyDepartment('procurement')(event('ProcurementRequested'));
    await w.notifyDepartment('logistics')(event('OrderReadyToShip'));

    // Assess
    expect(w.mailer.sent[0].subject).toBe(`[procurement] Stock short: ${ORDER_ID} (PUMP-3KW × 3)`);
    expect(w.mailer.sent[0].text).toContain(
      'Next: source 3 × PUMP-3KW; record the arrival: POST /inventory/receipts',
    );
    expect(w.mailer.sent[1].text).toContain(
      `Next: book the shipment and post it: POST /orders/${ORDER_ID}/shipment.`,
    );
  });

  it('says the level and the wait of a stalled order, to the department that owns the wait', async () => {
    // Prepare
    const w = world();

    // Act
    const finance = await w.notifyDepartment('finance')(event('OrderStalled'));
    const logistics = await w.notifyDepartment('logistics')(event('OrderStalled'));
    const sales = await w.notifyDepartment('sales')(event('OrderStalled'));

    // Assess
    expect([finance, logistics, sales]).toEqual(['sent', 'skipped', 'skipped']);
    const email = lastSent(w.mailer);
    expect(email.subject).toBe(
      `[finance] Stalled, level 2: ${ORDER_ID} (waiting for deposit for 3 days 4 h)`,
    );
    expect(email.text).toContain(
      'AWAITING_DEPOSIT, waiting for deposit since Nov 24, 2026, 8:00 AM UTC (3 days 4 h); escalation level 2.',
    );
    expect(email.text).toContain(
      `Next: chase the buyer for the deposit; record it: POST /orders/${ORDER_ID}/payments.`,
    );
  });

  it.each([
    ['procurement', 'stock', 'POST /inventory/receipts'],
    ['production', 'packing', `POST /orders/${ORDER_ID}/packing`],
    ['logistics', 'shipment', `POST /orders/${ORDER_ID}/shipment`],
    ['logistics', 'delivery', `POST /orders/${ORDER_ID}/delivery`],
    ['finance', 'credit-decision', `POST /orders/${ORDER_ID}/credit-decision`],
  ] as const)('%s chases a stalled %s wait', async (department, wait, action) => {
    // Prepare
    const w = world();

    // Act
    const outcome = await w.notifyDepartment(department)(event('OrderStalled', { wait }));

    // Assess
    expect(outcome).toBe('sent');
    expect(lastSent(w.mailer).text).toContain(action);
  });

  it('sends a stall with no wait (a failed step) to sales only', async () => {
    // Prepare
    const w = world();
    const failed = event('OrderStalled', {
      wait: undefined,
      status: 'RECEIVED',
      level: 1,
      reason: 'ValidateOrder failed',
    });

    // Act
    const outcomes = await Promise.all(
      DEPARTMENTS.map((department) => w.notifyDepartment(department)(failed)),
    );

    // Assess
    expect(outcomes).toEqual(['sent', 'skipped', 'skipped', 'skipped', 'skipped']);
    expect(lastSent(w.mailer).subject).toBe(
      `[sales] Stalled, level 1: ${ORDER_ID} (RECEIVED for 3 days 4 h)`,
    );
  });

  it('sends once per department and change: a redelivery is a duplicate, another department still hears', async () => {
    // Prepare
    const w = world();
    const cancelled = event('OrderCancelled');

    // Act
    const outcomes = [
      await w.notifyDepartment('finance')(cancelled),
      await w.notifyDepartment('finance')(cancelled),
      await w.notifyDepartment('logistics')(cancelled),
      await w.notifyDepartment('logistics')(cancelled),
    ];

    // Assess
    expect(outcomes).toEqual(['sent', 'duplicate', 'sent', 'duplicate']);
    expect(w.mailer.sent.map((email) => email.to[0])).toEqual([
      'finance@tradeflow.example.com',
      'logistics@tradeflow.example.com',
    ]);
    expect([...w.once.claims.keys()].sort()).toEqual([
      `ORDER#${ORDER_ID}|dept:finance:${ORDER_ID}:OrderCancelled`,
      `ORDER#${ORDER_ID}|dept:logistics:${ORDER_ID}:OrderCancelled`,
    ]);
  });

  it('gives the claim back when sending fails, so the redelivery sends it', async () => {
    // Prepare
    const once = makeInMemoryOnceLog();
    const mailer = makeRecordingMailer();
    const deps = { department: 'production' as const, to: 'production@tradeflow.example.com', once };
    const failing = makeNotifyDepartment({
      ...deps,
      mailer: makeRecordingMailer({ failWith: new Error('throttled') }),
    });
    const working = makeNotifyDepartment({ ...deps, mailer });

    // Act
    await expect(failing(event('StockAllocated'))).rejects.toThrow('throttled');
    const retried = await working(event('StockAllocated'));

    // Assess
    expect(retried).toBe('sent');
    expect(mailer.sent).toHaveLength(1);
  });

  it('skips, without throwing, types a department does not act on and types it does not know', async () => {
    // Prepare
    const w = world();

    // Act
    const outcomes = [
      await w.notifyDepartment('finance')(event('TrackingUpdated')),
      await w.notifyDepartment('finance')(event('OrderReceived')),
      await w.notifyDepartment('procurement')(event('OrderConfirmed')),
      await w.notifyDepartment('sales')({ type: 'InvoiceIssued', detail: { anything: true } }),
    ];

    // Assess
    expect(outcomes).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
    expect(w.mailer.sent).toHaveLength(0);
    expect(w.once.claims.size).toBe(0);
  });

  it('throws InvalidInputError for a known type whose detail does not fit', async () => {
    // Prepare
    const w = world();

    // Act
    const attempt = w.notifyDepartment('finance')({ type: 'CreditHeld', detail: { orderId: ORDER_ID } });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('escapes what people typed in the HTML', async () => {
    // Prepare
    const w = world();

    // Act
    await w.notifyDepartment('sales')(event('OrderCancelled', { reason: '<script>x</script>' }));

    // Assess
    expect(lastSent(w.mailer).html).not.toContain('<script>');
    expect(lastSent(w.mailer).html).toContain('Why: &#60;script&#62;x&#60;/script&#62;.');
  });

  it('refuses to start for a department it does not know', () => {
    // Act / Assess
    expect(() =>
      makeNotifyDepartment({
        department: 'marketing' as Department,
        to: 'x@example.com',
        mailer: makeRecordingMailer(),
        once: makeInMemoryOnceLog(),
      }),
    ).toThrow('unknown department marketing');
  });
});

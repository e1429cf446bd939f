import { DEFAULT_CALENDAR } from '../../../shared/domain/business-calendar';
import { escalationSteps, slaPolicy } from '../../../shared/domain/sla';

const policy = slaPolicy();
const cal = DEFAULT_CALENDAR; // UTC, Monday to Friday
const MONDAY = '2026-03-09T10:00:00.000Z';
const steps = (key: Parameters<typeof escalationSteps>[0], context: Record<string, unknown> = {}) =>
  escalationSteps(key, { since: MONDAY, ...context }, policy, cal).map((s) => [s.level, s.dueAt, s.action]);

describe('SLA steps per wait', () => {
  it('inquiry first reply: 24 h, then 48 h (the manager)', () => {
    expect(steps('inquiry-first-reply')).toEqual([
      [1, '2026-03-10T10:00:00.000Z', 'department'],
      [2, '2026-03-11T10:00:00.000Z', 'manager'],
    ]);
  });

  it('credit hold: 1 business day (over the weekend from a Friday)', () => {
    const friday = escalationSteps('credit-decision', { since: '2026-03-13T10:00:00.000Z' }, policy, cal);
    expect(friday.map((s) => s.dueAt)).toEqual(['2026-03-16T10:00:00.000Z', '2026-03-17T10:00:00.000Z']);
  });

  it('deposit: reminder at 3 days, escalation at 7', () => {
    expect(steps('deposit').map((s) => s[1])).toEqual([
      '2026-03-12T10:00:00.000Z',
      '2026-03-16T10:00:00.000Z',
    ]);
  });

  it("stock: the supplier's lead time, else 14 days", () => {
    expect(steps('stock', { supplierLeadTimeDays: 5 })[0][1]).toBe('2026-03-14T10:00:00.000Z');
    expect(steps('stock')[0][1]).toBe('2026-03-23T10:00:00.000Z');
  });

  it('production: the promised date', () => {
    expect(steps('packing', { promisedDate: '2026-04-01T00:00:00.000Z' })[0][1]).toBe(
      '2026-04-01T00:00:00.000Z',
    );
  });

  it('ready to ship: 3 business days', () => {
    expect(steps('shipment')[0][1]).toBe('2026-03-12T10:00:00.000Z');
  });

  it('in transit: ETA + 3 days', () => {
    expect(steps('delivery', { eta: '2026-04-20T00:00:00.000Z' })[0][1]).toBe('2026-04-23T00:00:00.000Z');
  });

  it('payment: the due date, then +7 (manager), +14 and +30 (the buyer is reminded)', () => {
    expect(steps('payment', { dueDate: '2026-04-01T00:00:00.000Z' })).toEqual([
      [1, '2026-04-01T00:00:00.000Z', 'department'],
      [2, '2026-04-08T00:00:00.000Z', 'manager'],
      [3, '2026-04-15T00:00:00.000Z', 'buyer'],
      [4, '2026-05-01T00:00:00.000Z', 'buyer'],
    ]);
  });

  it('overrides replace the steps of one wait and keep what it counts from', () => {
    // Prepare
    const custom = slaPolicy({ deposit: { steps: [{ hours: 1 }, { businessHours: 2 }] } });
    // Act
    const due = escalationSteps('deposit', { since: MONDAY }, custom, cal).map((s) => s.dueAt);
    // Assess: 11:00, then 2 business hours after 11:00 → 13:00; never earlier than the level before
    expect(due).toEqual(['2026-03-09T11:00:00.000Z', '2026-03-09T12:00:00.000Z']);
    expect(custom.payment.anchor).toBe('due-date');
  });
});

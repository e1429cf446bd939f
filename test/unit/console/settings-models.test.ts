import { DEPARTMENTS as CONSOLE_DEPARTMENTS } from '../../../console/src/pages/settings/departments';
import {
  byUrgency,
  durationParts,
  escalationNotice,
  escalationSettingsBody,
  overdueOrders,
  policyRows,
  type WaitingOrder,
} from '../../../console/src/pages/settings/escalation-model';
import {
  departmentOf,
  parseList,
  subscriptionBody,
} from '../../../console/src/pages/settings/subscription-model';
import { DEPARTMENTS } from '../../../shared/email/department/next-steps';

const now = new Date('2026-05-02T12:00:00Z');

describe('overdue waits', () => {
  const order = (id: string, change: Partial<WaitingOrder> = {}): WaitingOrder => ({
    orderId: id,
    customerId: 'cus_1',
    status: 'AWAITING_DEPOSIT',
    waitingFor: 'deposit',
    waitDueAt: '2026-05-10T00:00:00Z',
    ...change,
  });

  it('lists orders escalated or past their next step, the highest level first', () => {
    // Act
    const rows = overdueOrders(
      [
        order('ord_on_time'),
        order('ord_past_due', { waitDueAt: '2026-05-02T11:00:00Z' }),
        order('ord_level1', { escalatedLevel: 1, waitDueAt: '2026-05-04T00:00:00Z' }),
        order('ord_level2', { escalatedLevel: 2 }),
        order('ord_not_waiting', { waitingFor: undefined, waitDueAt: '2026-01-01T00:00:00Z' }),
      ],
      now,
    );

    // Assess
    expect(rows.map((row) => [row.id, row.level])).toEqual([
      ['ord_level2', 2],
      ['ord_level1', 1],
      ['ord_past_due', 0],
    ]);
    expect(rows[0]).toMatchObject({ kind: 'order', wait: 'deposit', nextDueAt: '2026-05-10T00:00:00Z' });
  });

  it('puts the longest overdue first within a level', () => {
    const rows = [
      {
        kind: 'order' as const,
        id: 'b',
        customerId: 'c',
        wait: 'w',
        nextDueAt: '2026-05-02T00:00:00Z',
        level: 1,
      },
      {
        kind: 'inquiry' as const,
        id: 'a',
        customerId: 'c',
        wait: 'w',
        nextDueAt: '2026-05-01T00:00:00Z',
        level: 1,
      },
    ].sort(byUrgency);
    expect(rows.map((row) => row.id)).toEqual(['a', 'b']);
  });

  it('turns escalation events of the feed into notices, and nothing else', () => {
    expect(
      escalationNotice({
        type: 'OrderStalled',
        orderId: 'ord_1',
        time: 't',
        detail: { level: 2, orderId: 'ord_1' },
      }),
    ).toEqual({ type: 'OrderStalled', id: 'ord_1', level: 2, at: 't' });
    expect(
      escalationNotice({ type: 'InquiryOverdue', orderId: 'x', detail: { inquiryId: 'inq_1', level: 1 } }),
    ).toEqual({
      type: 'InquiryOverdue',
      id: 'inq_1',
      level: 1,
    });
    expect(escalationNotice({ type: 'OrderConfirmed', orderId: 'ord_1' })).toBeUndefined();
  });
});

describe('the escalation settings', () => {
  it('describes the policy in force, step by step', () => {
    // Act
    const rows = policyRows({
      deposit: { anchor: 'start', steps: [{ days: 3 }, { days: 7 }] },
      stock: { anchor: 'supplier-lead-time', steps: [{}, { businessDays: 3 }], fallback: { days: 14 } },
      junk: 'not a rule',
    });

    // Assess
    expect(rows.map((row) => row.key)).toEqual(['deposit', 'stock']);
    expect(durationParts(rows[1].steps[1])).toEqual([{ unit: 'businessDays', count: 3 }]);
    expect(durationParts({})).toEqual([]);
    expect(durationParts({ businessDays: 1, hours: 4 })).toEqual([
      { unit: 'businessDays', count: 1 },
      { unit: 'hours', count: 4 },
    ]);
  });

  it('sends the calendar and the managers given, at the version read', () => {
    // Act
    const body = escalationSettingsBody(
      { version: 3 },
      {
        timeZone: ' Europe/Berlin ',
        start: '09:00',
        end: '17:30',
        holidays: '2026-12-25, 2026-12-24\n2026-12-25',
        'manager-sales': 'head.sales@example.com',
        'manager-finance': ' ',
      },
      [5, 1, 2, 3, 4],
      ['sales', 'finance'],
    );

    // Assess
    expect(body).toEqual({
      version: 3,
      calendar: {
        timeZone: 'Europe/Berlin',
        workingDays: [1, 2, 3, 4, 5],
        holidays: ['2026-12-24', '2026-12-25'],
        workingHours: { start: '09:00', end: '17:30' },
      },
      managers: { sales: 'head.sales@example.com' },
    });
  });
});

describe('department subscriptions', () => {
  it('makes a body of the form, leaving out empty lists and a blank secret', () => {
    // Act
    const body = subscriptionBody(
      {
        name: ' Finance desk ',
        emails: 'a@example.com\nb@example.com, a@example.com',
        webhookUrl: 'https://hooks.example.com/tradeflow',
        webhookSecret: '',
        eventTypes: 'CreditHeld',
        customerIds: '',
        countries: 'de, cn',
      },
      true,
    );

    // Assess
    expect(body).toEqual({
      name: 'Finance desk',
      emails: ['a@example.com', 'b@example.com'],
      webhook: { url: 'https://hooks.example.com/tradeflow' },
      filters: { eventTypes: ['CreditHeld'], countries: ['DE', 'CN'] },
      enabled: true,
    });
  });

  it('has no webhook or emails when none were typed', () => {
    expect(subscriptionBody({ name: 'x', emails: ' ', webhookUrl: '' }, false)).toEqual({
      name: 'x',
      filters: {},
      enabled: false,
    });
    expect(parseList(undefined)).toEqual([]);
  });

  it('lists the departments the API knows', () => {
    expect(CONSOLE_DEPARTMENTS).toEqual(DEPARTMENTS);
  });

  it("manages a role's own department, warehouse for production, admin all", () => {
    expect([departmentOf('finance'), departmentOf('warehouse'), departmentOf('admin')]).toEqual([
      'finance',
      'production',
      undefined,
    ]);
  });
});

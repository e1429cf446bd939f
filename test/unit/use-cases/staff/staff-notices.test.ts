import { makeInMemoryCustomerNames } from '../../../../shared/adapters/in-memory/customer-names';
import { makeInMemoryEscalationSettings } from '../../../../shared/adapters/in-memory/escalation-settings';
import { makeInMemoryOnceLog, makeRecordingMailer } from '../../../../shared/adapters/in-memory/side-effects';
import {
  makeInMemoryStaffDirectory,
  staffMember,
} from '../../../../shared/adapters/in-memory/staff-directory';
import { DEFAULT_ESCALATION_SETTINGS } from '../../../../shared/domain/escalation-settings';
import type { Mailer, OutgoingEmail } from '../../../../shared/ports/mailer';
import { makeNotifyDormantOwner } from '../../../../shared/use-cases/staff/notify-dormant-owner';
import { makeNotifySalesManagers } from '../../../../shared/use-cases/staff/notify-sales-managers';

const C1 = 'cus_01JNUDGE00000000000000001';
const C2 = 'cus_01JNUDGE00000000000000002';
const SALES = 'sales@tradeflow.example.com';
const BASE = 'https://api.tradeflow.example.com/v1';

const nudge = (owner: string, customerIds = [C1, C2], count = customerIds.length) => ({
  type: 'DormantCustomersFound',
  detail: {
    version: 1,
    changeId: `dormant:2026-W19:${owner}`,
    occurredAt: '2026-05-04T06:00:00.000Z',
    orderId: `nudge_2026-W19_${owner}`,
    owner,
    week: '2026-W19',
    count,
    customerIds,
  },
});

function nudgeWorld(mailer: Mailer & { sent: OutgoingEmail[] } = makeRecordingMailer()) {
  const staff = makeInMemoryStaffDirectory([
    staffMember('rep_li', { name: '李娜', email: 'li.na@tradeflow.example.com', language: 'zh-CN' }),
    staffMember('rep_anna', { name: 'Anna Schmidt', email: 'anna@tradeflow.example.com' }),
    staffMember('rep_gone', { active: false }),
  ]);
  const once = makeInMemoryOnceLog();
  const notify = makeNotifyDormantOwner({
    staff,
    customers: makeInMemoryCustomerNames({
      [C1]: { name: 'Jonas Weber', company: 'Hamburg Tools GmbH' },
      [C2]: { name: 'Wang Fang' },
    }),
    mailer,
    once,
    salesMailbox: SALES,
    customerUrl: (id) => `${BASE}/console/customers/${id}`,
  });
  return { notify, mailer, once };
}

describe("the weekly nudge, delivered to each owner's work address", () => {
  it('emails the owner in their language, each dormant customer named and linked, once however often it is delivered', async () => {
    // Prepare
    const w = nudgeWorld();

    // Act
    const first = await w.notify(nudge('rep_li'));
    const again = await w.notify(nudge('rep_li'));

    // Assess
    expect([first, again]).toEqual(['sent', 'duplicate']);
    expect(w.mailer.sent).toHaveLength(1);
    const [email] = w.mailer.sent;
    expect(email.to).toEqual(['li.na@tradeflow.example.com']);
    expect(email.subject).toBe('您的休眠客户（2026-W19 周）：2 位');
    expect(email.text).toContain('李娜，您好：');
    expect(email.text).toContain(`Hamburg Tools GmbH · Jonas Weber：${C1} (${BASE}/console/customers/${C1})`);
    expect(email.text).toContain(`Wang Fang：${C2}`);
    expect(email.html).toContain(`<a href="${BASE}/console/customers/${C2}">${C2}</a>`);
    expect(email.html).toContain('<html lang="zh-CN">');
    expect(email.tags).toEqual({ change: 'DormantCustomersFound', week: '2026-W19', recipient: 'owner' });
    expect([...w.once.claims.keys()]).toEqual(['NUDGE#2026-W19|email:rep_li']);
  });

  it('writes in English for an English-speaking owner and says when the list is cut short', async () => {
    // Prepare
    const w = nudgeWorld();

    // Act
    await w.notify(nudge('rep_anna', [C1], 240));

    // Assess
    const [email] = w.mailer.sent;
    expect(email.to).toEqual(['anna@tradeflow.example.com']);
    expect(email.subject).toBe('Your dormant customers, week 2026-W19: 240 customers');
    expect(email.text).toContain('Hello Anna Schmidt,');
    expect(email.text).toContain('1 of 240 are listed; the whole list: GET /customers/lists/dormant.');
  });

  it.each([
    [
      'rep_nobody',
      'Dormant customers of unknown owner rep_nobody',
      'is not in the staff directory',
      'unknown-owner',
    ],
    [
      'rep_gone',
      'Dormant customers of inactive owner rep_gone',
      'is inactive in the staff directory',
      'inactive-owner',
    ],
    ['sales', 'Dormant customers with no owner', 'These customers have no owner', 'no-owner'],
  ])('sends the nudge of %s to the sales mailbox, saying why', async (owner, subject, why, kind) => {
    // Prepare
    const w = nudgeWorld();

    // Act
    const outcome = await w.notify(nudge(owner));

    // Assess
    expect(outcome).toBe('sent');
    const [email] = w.mailer.sent;
    expect(email.to).toEqual([SALES]);
    expect(email.subject).toBe(`[sales] ${subject}, week 2026-W19: 2`);
    expect(email.text).toContain(why);
    expect(email.text).toContain(C1);
    expect(email.tags?.recipient).toBe(kind);
  });

  it('gives the week’s claim back when sending fails, so the redelivery sends it', async () => {
    // Prepare
    const failing = makeRecordingMailer({ failWith: new Error('SES throttled') });
    const w = nudgeWorld(failing);
    const working = makeRecordingMailer();
    const retry = makeNotifyDormantOwner({
      staff: makeInMemoryStaffDirectory([staffMember('rep_anna')]),
      customers: makeInMemoryCustomerNames(),
      mailer: working,
      once: w.once,
      salesMailbox: SALES,
    });

    // Act
    const failed = w.notify(nudge('rep_anna'));
    await expect(failed).rejects.toThrow('SES throttled');
    const redelivered = await retry(nudge('rep_anna'));

    // Assess: without names or a base URL, each customer is its id
    expect(redelivered).toBe('sent');
    expect(working.sent).toHaveLength(1);
    expect(working.sent[0].text).toContain(`${C1}: ${C1}`);
  });

  it('skips other types and refuses a detail that does not fit its schema', async () => {
    // Prepare
    const w = nudgeWorld();

    // Act / Assess
    expect(await w.notify({ type: 'QuoteSent', detail: {} })).toBe('skipped');
    await expect(w.notify({ type: 'DormantCustomersFound', detail: { owner: 'x' } })).rejects.toThrow(
      'DormantCustomersFound detail',
    );
    expect(w.mailer.sent).toEqual([]);
  });
});

const approval = {
  type: 'QuoteApprovalRequested',
  detail: {
    version: 1,
    changeId: 'quo_01JAPPROVE000000000000000:QuoteApprovalRequested:2',
    occurredAt: '2026-05-04T09:00:00.000Z',
    quoteId: 'quo_01JAPPROVE000000000000000',
    customerId: C1,
    revision: 2,
    total: '6099.60',
    currency: 'EUR',
    linesBelowFloor: 1,
    marginFloorPercent: 15,
  },
};

function approvalWorld(
  members = [
    staffMember('mgr_meg', { name: 'Meg Lee', email: 'meg@tradeflow.example.com', role: 'sales-manager' }),
    staffMember('mgr_wu', {
      name: '吴强',
      email: 'wu@tradeflow.example.com',
      role: 'sales-manager',
      language: 'zh-CN',
    }),
    staffMember('mgr_old', { role: 'sales-manager', active: false }),
    staffMember('rep_anna'),
  ],
  managers: Record<string, string> = {},
) {
  const mailer = makeRecordingMailer();
  const once = makeInMemoryOnceLog();
  const notify = makeNotifySalesManagers({
    staff: makeInMemoryStaffDirectory(members),
    settings: makeInMemoryEscalationSettings({ ...DEFAULT_ESCALATION_SETTINGS, managers }),
    defaultManager: 'managers@tradeflow.example.com',
    mailer,
    once,
    quoteUrl: (id) => `${BASE}/console/quotes/${id}`,
  });
  return { notify, mailer, once };
}

describe('a quote below the margin floor, for the sales managers', () => {
  it('emails every active sales manager in their language, once per manager and revision', async () => {
    // Prepare
    const w = approvalWorld();

    // Act
    const first = await w.notify(approval);
    const again = await w.notify(approval);

    // Assess
    expect([first, again]).toEqual(['sent', 'duplicate']);
    expect(w.mailer.sent.map((e) => e.to)).toEqual([
      ['meg@tradeflow.example.com'],
      ['wu@tradeflow.example.com'],
    ]);
    const [english, chinese] = w.mailer.sent;
    expect(english.subject).toBe(
      '[sales manager] Quote quo_01JAPPROVE000000000000000 needs your approval: 1 line below the 15% margin floor',
    );
    expect(english.text).toContain('Hello Meg Lee,');
    expect(english.text).toContain('POST /quotes/quo_01JAPPROVE000000000000000/approve with {"revision": 2}');
    expect(english.text).toContain('EUR 6,099.60');
    expect(english.html).toContain(`href="${BASE}/console/quotes/quo_01JAPPROVE000000000000000"`);
    expect(chinese.subject).toBe(
      '[销售经理] 报价 quo_01JAPPROVE000000000000000 待您审批：1 行低于 15% 毛利底线',
    );
    expect(chinese.text).toContain('吴强，您好：');
    expect(english.tags).toEqual({
      quoteId: 'quo_01JAPPROVE000000000000000',
      change: 'QuoteApprovalRequested',
      department: 'sales-manager',
    });
  });

  it("goes to the settings' sales manager, saying why, while the directory has none; else to the default address", async () => {
    // Prepare
    const withSettings = approvalWorld([staffMember('rep_anna')], { sales: 'head-of-sales@example.com' });
    const withNothing = approvalWorld([]);

    // Act
    await withSettings.notify(approval);
    await withNothing.notify(approval);

    // Assess
    expect(withSettings.mailer.sent.map((e) => e.to)).toEqual([['head-of-sales@example.com']]);
    expect(withNothing.mailer.sent.map((e) => e.to)).toEqual([['managers@tradeflow.example.com']]);
    expect(withSettings.mailer.sent[0].subject).toBe(
      "[sales manager] Quote quo_01JAPPROVE000000000000000 needs a sales manager's approval: 1 line below the 15% margin floor",
    );
    expect(withSettings.mailer.sent[0].text).toContain('No active sales manager is in the staff directory');
  });
});

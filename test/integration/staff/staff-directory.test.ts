import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PutEventRecord } from '../../../infra/local/eventbridge/eventbridge-server';
import { customerBody, orderBody } from '../../fixtures/api-bodies';
import { eventually, type LocalSystem, type SentEmail, startLocalSystem } from '../support/local-system';

/**
 * The staff directory on the embedded runtime: admin adds staff (`PUT /staff/{staffId}`), sales reads
 * it; a customer's owner must be an active member; the weekly nudge (fired as `npm run schedule --
 * nudge-dormant` fires it) reaches each owner's work address in their language, and sales' mailbox
 * for the customers no owner can get; a quote below the margin floor reaches the sales managers, and
 * only a sales manager (or admin) approves it. Names and addresses never reach events or logs.
 */
const LI = { name: 'Li Na 李娜', email: 'li.na@staff.example', role: 'sales', language: 'zh-CN' };
const GONE = { name: 'Gustav Gone', email: 'gustav.gone@staff.example', role: 'sales' };
const MEG = { name: 'Megan Manager', email: 'megan.manager@staff.example', role: 'sales-manager' };

describe('the staff directory on the local runtime', () => {
  let system: LocalSystem;

  beforeAll(async () => {
    // Functions log at DEBUG here (tests default to SILENT), so the log check below reads every line.
    const saved = process.env.POWERTOOLS_LOG_LEVEL;
    process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
    try {
      system = await startLocalSystem();
    } finally {
      if (saved === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
      else process.env.POWERTOOLS_LOG_LEVEL = saved;
    }
    await system.seedProducts();
  });
  afterAll(async () => {
    await system.stop();
  });

  const busEvents = async (type: string) =>
    (await system.admin<{ events: PutEventRecord[] }>('/events')).events.filter((e) => e.detailType === type);
  const emailsTo = async (address: string) =>
    (await system.sentEmails()).filter((e: SentEmail) => e.destination.to.includes(address));
  const put = (staffId: string, body: unknown, as = 'admin') =>
    system.api(`/staff/${staffId}`, { method: 'PUT', body, as });
  /** A customer with two orders placed moments apart: dormant as soon as the CRM has both. */
  const repeatBuyer = async (email: string) => {
    const customer = await system.api('/customers', {
      body: { ...customerBody, email, name: `Buyer ${email}` },
    });
    for (let i = 0; i < 2; i++) {
      const placed = await system.api('/orders', { body: orderBody(customer.json.customerId) });
      expect(placed.status).toBe(201);
    }
    return customer.json.customerId as string;
  };

  it('admin adds and changes staff; sales and sales managers read them; nobody else writes', async () => {
    // Act
    const added = await put('rep_li', LI);
    const repeated = await put('rep_li', LI);
    const taken = await put('rep_li', { ...LI, name: 'Someone Else' });
    const bySales = await put('rep_sam', { ...LI, email: 'sam@staff.example' }, 'sales');
    const badRole = await put('rep_sam', { ...LI, role: 'boss' });
    const reserved = await put('sales', LI);
    const listed = await system.api('/staff', { as: 'sales' });
    const one = await system.api('/staff/rep_li', { as: 'sales-manager' });
    const byFinance = await system.api('/staff', { as: 'finance' });
    const unknown = await system.api('/staff/rep_nobody', { as: 'admin' });
    const stale = await put('rep_li', { ...LI, active: false, version: 7 });

    // Assess
    expect(added.status).toBe(201);
    expect(added.json).toMatchObject({
      staffId: 'rep_li',
      name: LI.name,
      email: LI.email,
      role: 'sales',
      language: 'zh-CN',
      active: true,
      version: 1,
      updatedBy: 'local-staff-admin',
    });
    expect(repeated.status).toBe(200);
    expect(repeated.json.version).toBe(1);
    expect(taken.status).toBe(409);
    expect(taken.json.error.message).toContain('send "version": 1 to change it');
    expect(bySales.status).toBe(403);
    expect(badRole.status).toBe(400);
    expect(badRole.json.error.field).toBe('role');
    expect(reserved.status).toBe(400);
    expect(reserved.json.error.field).toBe('staffId');
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((m: { staffId: string }) => m.staffId)).toEqual(['rep_li']);
    expect(one.json).toMatchObject({ staffId: 'rep_li', version: 1 });
    expect(byFinance.status).toBe(403);
    expect(unknown.status).toBe(404);
    expect(stale.status).toBe(409);
    const announced = await eventually(async () => {
      const found = await busEvents('StaffMemberUpdated');
      return found.length ? found : undefined;
    });
    expect(announced[0].event.source).toBe('tradeflow.staff');
    expect(announced[0].event.detail).toMatchObject({ staffId: 'rep_li', staffVersion: 1, role: 'sales' });
    expect(JSON.stringify(announced)).not.toMatch(/Li Na|staff\.example/);
  });

  it("takes as a customer's owner only an active staff member (400 naming owner)", async () => {
    // Prepare
    const customer = await system.api('/customers', {
      as: 'sales-manager',
      body: { name: 'Owner Test', email: 'owner-test@buyer.example', country: 'CN' },
    });
    const customerId: string = customer.json.customerId;

    // Act
    const unknown = await system.api(`/customers/${customerId}`, {
      method: 'PATCH',
      as: 'sales',
      body: { version: 1, owner: 'rep_nobody' },
    });
    const known = await system.api(`/customers/${customerId}`, {
      method: 'PATCH',
      as: 'sales-manager',
      body: { version: 1, owner: 'rep_li' },
    });

    // Assess
    expect(customer.status).toBe(201);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: 'UNKNOWN_OWNER', field: 'owner' });
    expect(unknown.json.error.message).toContain('PUT /staff/rep_nobody');
    expect(known.status).toBe(200);
    expect(known.json).toMatchObject({ owner: 'rep_li', version: 2 });
  });

  it('nudges each owner at their work address in their language, and sales for those no owner can get, once a week', async () => {
    // Prepare: Li's customer, Gustav's (Gustav then leaves), and one with no owner
    expect((await put('rep_gone', GONE)).status).toBe(201);
    const ofLi = await repeatBuyer('li-buyer@buyer.example');
    const ofGone = await repeatBuyer('gone-buyer@buyer.example');
    const ofNobody = await repeatBuyer('nobody-buyer@buyer.example');
    for (const [customerId, owner] of [
      [ofLi, 'rep_li'],
      [ofGone, 'rep_gone'],
    ]) {
      const patched = await system.api(`/customers/${customerId}`, {
        method: 'PATCH',
        as: 'sales',
        body: { version: 1, owner },
      });
      expect(patched.status).toBe(200);
    }
    expect((await put('rep_gone', { ...GONE, active: false, version: 1 })).status).toBe(200);
    await eventually(
      async () => {
        const dormant = await system.api('/customers/lists/dormant', { as: 'sales' });
        const ids = dormant.json.items.map((i: { customerId: string }) => i.customerId);
        return [ofLi, ofGone, ofNobody].every((id) => ids.includes(id)) ? ids : undefined;
      },
      30_000,
      'three dormant customers',
    );

    // Act
    const first = await system.admin<{ result?: unknown }>('/schedules/nudge-dormant/fire', 'POST');
    const liMail = await eventually(async () => (await emailsTo(LI.email))[0], 15_000, "Li's nudge");
    const salesMail = await eventually(
      async () => {
        const found = (await emailsTo('sales@tradeflow.example.com')).filter((e) =>
          e.subject.startsWith('[sales] Dormant customers'),
        );
        return found.length >= 2 ? found : undefined;
      },
      15_000,
      "sales' nudges",
    );
    const second = await system.admin<{ result?: unknown }>('/schedules/nudge-dormant/fire', 'POST');
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    // Assess
    expect(first.result).toMatchObject({ owners: 3, published: 3 });
    expect(second.result).toMatchObject({ published: 0, alreadyPublished: 3 });
    expect(await emailsTo(LI.email)).toHaveLength(1);
    expect(liMail.subject).toMatch(/^您的休眠客户（\d{4}-W\d{2} 周）：1 位$/);
    expect(liMail.body.text).toContain('Li Na 李娜，您好：');
    expect(liMail.body.text).toContain(`Hamburg Tools GmbH · Buyer li-buyer@buyer.example：${ofLi}`);
    expect(liMail.body.html).toContain(`/console/#/customers/${ofLi}">${ofLi}</a>`);
    expect(liMail.body.text).not.toContain(ofNobody);
    expect(await emailsTo(GONE.email)).toEqual([]);
    const subjects = salesMail.map((e) => e.subject).sort();
    expect(subjects).toEqual([
      expect.stringMatching(/^\[sales\] Dormant customers of inactive owner rep_gone, week \d{4}-W\d{2}: 1$/),
      expect.stringMatching(/^\[sales\] Dormant customers with no owner, week \d{4}-W\d{2}: 1$/),
    ]);
    const gone = salesMail.find((e) => e.subject.includes('rep_gone'));
    expect(gone?.body.text).toContain('is inactive in the staff directory');
    expect(gone?.body.text).toContain(ofGone);
    const nudges = await busEvents('DormantCustomersFound');
    expect(nudges.map((e) => (e.event.detail as { owner: string }).owner).sort()).toEqual([
      'rep_gone',
      'rep_li',
      'sales',
    ]);
  }, 90_000);

  it('asks the sales managers to approve a quote below the floor; only they (or admin) may', async () => {
    // Prepare
    expect((await put('mgr_meg', MEG)).status).toBe(201);
    const customer = await system.api('/customers', {
      body: { ...customerBody, email: 'quote-buyer@buyer.example' },
    });
    const created = await system.api('/quotes', {
      as: 'sales',
      body: {
        customerId: customer.json.customerId,
        incoterm: { code: 'CIF', place: 'Hamburg' },
        shippingAddress: { name: 'Hamburg Tools GmbH', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' },
        lines: [{ sku: 'VALVE-DN50', quantity: 200, unitPrice: '8.00' }],
      },
    });
    const quoteId: string = created.json.quoteId;

    // Act
    const asked = await eventually(async () => (await emailsTo(MEG.email))[0], 15_000, "the manager's email");
    const bySales = await system.api(`/quotes/${quoteId}/approve`, { as: 'sales', body: { revision: 1 } });
    const byManager = await system.api(`/quotes/${quoteId}/approve`, {
      as: 'sales-manager',
      body: { revision: 1, note: 'Strategic account' },
    });
    const sent = await system.api(`/quotes/${quoteId}/send`, { as: 'sales-manager', body: {} });

    // Assess
    expect(created.json.status).toBe('PENDING_APPROVAL');
    expect(asked.subject).toBe(
      `[sales manager] Quote ${quoteId} needs your approval: 1 line below the 15% margin floor`,
    );
    expect(asked.body.text).toContain('Hello Megan Manager,');
    expect(asked.body.text).toContain(`POST /quotes/${quoteId}/approve with {"revision": 1}`);
    expect(bySales.status).toBe(403);
    expect(byManager.status).toBe(200);
    expect(byManager.json).toMatchObject({ status: 'DRAFT' });
    expect(sent.status).toBe(200);
  }, 60_000);

  it('keeps staff names and work addresses out of every log', () => {
    // Prepare
    const logs = join(system.dataDir, 'logs');

    // Act
    const text = readdirSync(logs)
      .map((file) => readFileSync(join(logs, file), 'utf8'))
      .join('\n');

    // Assess
    expect(text).toContain('rep_li');
    for (const value of [LI.name, LI.email, GONE.name, GONE.email, MEG.name, MEG.email]) {
      expect(text.toLowerCase()).not.toContain(value.toLowerCase());
    }
  });
});

import { makeRecordingPublisher } from '../../../../shared/adapters/in-memory/side-effects';
import { makeInMemoryStaffDirectory } from '../../../../shared/adapters/in-memory/staff-directory';
import { putStaffMemberBody, staffIdParam } from '../../../../shared/contracts/staff';
import type { Actor } from '../../../../shared/domain/order';
import { ConflictError, NotFoundError } from '../../../../shared/errors';
import { makePutStaffMember } from '../../../../shared/use-cases/staff/put-staff-member';
import {
  makeGetStaffMember,
  makeListStaff,
  staffMemberView,
} from '../../../../shared/use-cases/staff/read-staff';
import * as z from '../../../../shared/zod-mini';

const ADMIN: Actor = { kind: 'staff', id: 'local-staff-admin', role: 'admin' };
const ANNA = putStaffMemberBody.parse({
  name: 'Anna Schmidt',
  email: 'Anna.Schmidt@Example.com',
  role: 'sales',
});

function world() {
  const staff = makeInMemoryStaffDirectory();
  const events = makeRecordingPublisher();
  const clock = { at: new Date('2026-05-04T08:00:00.000Z'), now: () => clock.at };
  return {
    staff,
    events,
    clock,
    put: makePutStaffMember({ staff, events, clock }),
    get: makeGetStaffMember({ staff }),
    list: makeListStaff({ staff }),
  };
}

describe('the staff directory', () => {
  it('adds a member (English and active unless told), announcing the fields, never their values', async () => {
    // Prepare
    const w = world();

    // Act
    const added = await w.put('rep_anna', ANNA, ADMIN);

    // Assess
    expect(added.created).toBe(true);
    expect(staffMemberView(added.member)).toEqual({
      staffId: 'rep_anna',
      name: 'Anna Schmidt',
      email: 'anna.schmidt@example.com',
      role: 'sales',
      language: 'en',
      active: true,
      version: 1,
      createdAt: '2026-05-04T08:00:00.000Z',
      updatedAt: '2026-05-04T08:00:00.000Z',
      updatedBy: 'local-staff-admin',
    });
    expect(w.events.published).toEqual([
      {
        type: 'StaffMemberUpdated',
        detail: {
          version: 1,
          changeId: 'rep_anna:StaffMemberUpdated:1',
          occurredAt: '2026-05-04T08:00:00.000Z',
          orderId: 'rep_anna',
          staffId: 'rep_anna',
          fields: ['name', 'email', 'role', 'language', 'active'],
          staffVersion: 1,
          role: 'sales',
          active: true,
        },
      },
    ]);
    expect(JSON.stringify(w.events.published)).not.toMatch(/Anna Schmidt|example\.com/i);
  });

  it('answers a repeated add as stored (announcing the same change again), and refuses another entry under the id', async () => {
    // Prepare
    const w = world();
    await w.put('rep_anna', ANNA, ADMIN);

    // Act
    const repeated = await w.put('rep_anna', { ...ANNA, email: 'anna.schmidt@example.com' }, ADMIN);
    const other = w.put('rep_anna', { ...ANNA, name: 'Anna Müller' }, ADMIN);

    // Assess
    expect(repeated).toMatchObject({ created: false, member: { version: 1 } });
    await expect(other).rejects.toBeInstanceOf(ConflictError);
    await expect(other).rejects.toThrow(
      'staff member rep_anna exists (version 1): read it (GET /staff/rep_anna) and send "version": 1 to change it',
    );
    expect(w.events.published.map((e) => e.detail.changeId)).toEqual([
      'rep_anna:StaffMemberUpdated:1',
      'rep_anna:StaffMemberUpdated:1',
    ]);
    expect(w.staff.items.get('rep_anna')?.name).toBe('Anna Schmidt');
  });

  it('changes a member at the version read, naming what changed; a stale or unknown version is refused', async () => {
    // Prepare
    const w = world();
    await w.put('rep_anna', ANNA, ADMIN);
    w.clock.at = new Date('2026-06-01T08:00:00.000Z');

    // Act
    const promoted = await w.put(
      'rep_anna',
      { ...ANNA, role: 'sales-manager', language: 'zh-CN', version: 1 },
      ADMIN,
    );
    const stale = w.put('rep_anna', { ...ANNA, active: false, version: 1 }, ADMIN);
    const nobody = w.put('rep_nobody', { ...ANNA, version: 3 }, ADMIN);

    // Assess
    expect(promoted).toMatchObject({
      created: false,
      member: { version: 2, role: 'sales-manager', language: 'zh-CN', createdAt: '2026-05-04T08:00:00.000Z' },
    });
    expect(w.events.published.at(-1)?.detail).toMatchObject({
      fields: ['role', 'language'],
      staffVersion: 2,
      role: 'sales-manager',
    });
    await expect(stale).rejects.toThrow('changed since version 1 was read (it is at version 2)');
    await expect(nobody).rejects.toBeInstanceOf(NotFoundError);
    await expect(nobody).rejects.toThrow('leave out "version" to add them');
  });

  it('reads one member and lists them by staff id, filtered by role and activity, a page at a time', async () => {
    // Prepare
    const w = world();
    await w.put('rep_bo', { ...ANNA, name: 'Bo', email: 'bo@example.com' }, ADMIN);
    await w.put('mgr_li', { ...ANNA, name: 'Li', email: 'li@example.com', role: 'sales-manager' }, ADMIN);
    await w.put('rep_anna', { ...ANNA, active: false }, ADMIN);

    // Act
    const firstPage = await w.list({ limit: 2 });
    const secondPage = await w.list({ limit: 2, nextToken: firstPage.nextToken });
    const managers = await w.list({ role: 'sales-manager', limit: 50 });
    const inactive = await w.list({ active: 'false', limit: 50 });
    const one = await w.get('mgr_li');

    // Assess
    expect(firstPage.items.map((m) => m.staffId)).toEqual(['mgr_li', 'rep_anna']);
    expect(secondPage.items.map((m) => m.staffId)).toEqual(['rep_bo']);
    expect(secondPage.nextToken).toBeUndefined();
    expect(managers.items.map((m) => m.staffId)).toEqual(['mgr_li']);
    expect(inactive.items.map((m) => m.staffId)).toEqual(['rep_anna']);
    expect(one).toMatchObject({ staffId: 'mgr_li', role: 'sales-manager' });
    await expect(w.get('rep_nobody')).rejects.toThrow('no staff member rep_nobody');
  });

  it('refuses staff ids that are no id or that are a role’s name, and bodies that are no entry', () => {
    // Act
    const ids = [
      'rep_anna',
      '9f1c2e44-5b7a-4c1e-9d0e-1a2b3c4d5e6f',
      'sales',
      'sales-manager',
      '-x',
      'a b',
      '',
    ];
    const results = ids.map((id) => z.safeParse(staffIdParam, id).success);
    const bad = [
      { ...ANNA, role: 'boss' },
      { ...ANNA, language: 'de' },
      { ...ANNA, email: 'not-an-email' },
      { role: 'sales', email: 'x@example.com' },
      { ...ANNA, extra: true },
    ].map((body) => z.safeParse(putStaffMemberBody, body));

    // Assess
    expect(results).toEqual([true, true, false, false, false, false, false]);
    expect(bad.map((r) => r.success)).toEqual([false, false, false, false, false]);
    expect(bad[0].error?.issues[0].message).toBe(
      'must be one of sales, finance, procurement, warehouse, logistics, admin, sales-manager',
    );
  });
});

import { makeInMemoryCommunicationLog } from '../../../../shared/adapters/in-memory/communications';
import { makeInMemoryCustomerRepository } from '../../../../shared/adapters/in-memory/customers';
import { makeRecordingPublisher } from '../../../../shared/adapters/in-memory/side-effects';
import {
  makeInMemoryStaffDirectory,
  staffMember,
} from '../../../../shared/adapters/in-memory/staff-directory';
import type { Customer } from '../../../../shared/domain/customer';
import { ConflictError, InvalidInputError, NotFoundError } from '../../../../shared/errors';
import {
  makeAddCommunication,
  makeListCommunications,
  makeRecordOrderCommunication,
} from '../../../../shared/use-cases/customer-communications';
import { makeUpdateCustomerProfile } from '../../../../shared/use-cases/update-customer-profile';

const AT = '2026-11-20T10:00:00.000Z';
const CUSTOMER: Customer = {
  customerId: 'cus_01JPROFILE000000000000000',
  name: 'Ana Buyer',
  email: 'ana@hamburg-tools.example',
  country: 'DE',
  language: 'en',
  createdAt: AT,
  updatedAt: AT,
  version: 1,
};

function world() {
  const customers = makeInMemoryCustomerRepository([CUSTOMER]);
  const events = makeRecordingPublisher();
  const communications = makeInMemoryCommunicationLog();
  const clock = { now: () => new Date('2026-11-27T08:00:00.000Z') };
  // The staff directory: one active rep, one who left.
  const staff = makeInMemoryStaffDirectory([
    staffMember('sales-rep-7'),
    staffMember('sales-rep-3', { active: false, version: 2 }),
  ]);
  return {
    customers,
    events,
    communications,
    staff,
    update: makeUpdateCustomerProfile({ customers, events, clock, staff }),
    addNote: makeAddCommunication({ customers, communications, clock }),
    list: makeListCommunications({ customers, communications }),
    recordOrder: makeRecordOrderCommunication({ communications }),
  };
}

describe('the CRM customer profile', () => {
  it('changes the fields given at the version read and announces which fields changed, never their values', async () => {
    // Prepare
    const w = world();

    // Act
    const updated = await w.update(CUSTOMER.customerId, {
      version: 1,
      name: 'Ana Buyer', // unchanged: not a change
      contacts: [{ name: 'Jonas Weber', role: 'Purchasing', email: 'j.weber@hamburg-tools.example' }],
      addresses: [{ kind: 'billing', line1: 'Am Hafen 1', city: 'Hamburg', country: 'DE' }],
      creditLimit: { amount: '80000', currency: 'EUR' },
      tags: ['key-account'],
      owner: 'sales-rep-7',
      email: 'PURCHASING@hamburg-tools.example',
    });

    // Assess
    expect(updated).toMatchObject({
      version: 2,
      updatedAt: '2026-11-27T08:00:00.000Z',
      email: 'purchasing@hamburg-tools.example',
      creditLimit: { currency: 'EUR', minor: 8_000_000 },
      owner: 'sales-rep-7',
    });
    expect(w.customers.items.get(CUSTOMER.customerId)?.version).toBe(2);
    expect(w.events.published).toEqual([
      {
        type: 'CustomerUpdated',
        detail: {
          version: 1,
          changeId: `${CUSTOMER.customerId}:CustomerUpdated:2`,
          occurredAt: '2026-11-27T08:00:00.000Z',
          orderId: CUSTOMER.customerId,
          customerId: CUSTOMER.customerId,
          fields: ['email', 'creditLimit', 'contacts', 'addresses', 'tags', 'owner'],
          customerVersion: 2,
        },
      },
    ]);
    expect(JSON.stringify(w.events.published)).not.toMatch(/hamburg-tools|Jonas|Hafen/);
  });

  it('answers 409 for a stale version and writes nothing; a change to the same values is no change', async () => {
    // Prepare
    const w = world();
    await w.update(CUSTOMER.customerId, { version: 1, tags: ['a'] });

    // Act
    const stale = w.update(CUSTOMER.customerId, { version: 1, tags: ['b'] });
    const same = await w.update(CUSTOMER.customerId, { version: 2, tags: ['a'] });
    const missing = w.update('cus_01JNOPE0000000000000000000', { version: 1, tags: ['a'] });

    // Assess
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow(/version 1 .*version 2/);
    expect(same.version).toBe(2);
    expect(w.customers.items.get(CUSTOMER.customerId)?.tags).toEqual(['a']);
    expect(w.events.published).toHaveLength(1);
    await expect(missing).rejects.toBeInstanceOf(NotFoundError);
  });

  it('takes as owner only an active member of the staff directory (400 naming owner), and writes nothing else', async () => {
    // Prepare
    const w = world();

    // Act
    const unknown = w.update(CUSTOMER.customerId, { version: 1, owner: 'rep-nobody', tags: ['x'] });
    const inactive = w.update(CUSTOMER.customerId, { version: 1, owner: 'sales-rep-3' });
    const known = await w.update(CUSTOMER.customerId, { version: 1, owner: 'sales-rep-7' });
    // The owner leaves; the profile can still be edited with its owner sent back unchanged.
    await w.update(CUSTOMER.customerId, { version: 2, tags: ['kept'] });
    w.staff.items.set('sales-rep-7', staffMember('sales-rep-7', { active: false, version: 2 }));
    const stillEditable = await w.update(CUSTOMER.customerId, {
      version: 3,
      owner: 'sales-rep-7',
      tags: ['a'],
    });

    // Assess
    await expect(unknown).rejects.toBeInstanceOf(InvalidInputError);
    await expect(unknown).rejects.toMatchObject({ field: 'owner', code: 'UNKNOWN_OWNER' });
    await expect(unknown).rejects.toThrow(
      'owner "rep-nobody" is not in the staff directory: add them first (PUT /staff/rep-nobody, admin) or pick a staff id from GET /staff',
    );
    await expect(inactive).rejects.toThrow('owner "sales-rep-3" is inactive in the staff directory');
    expect(known).toMatchObject({ version: 2, owner: 'sales-rep-7' });
    expect(stillEditable).toMatchObject({ version: 4, owner: 'sales-rep-7', tags: ['a'] });
    expect(w.events.published.map((e) => e.type === 'CustomerUpdated' && e.detail.fields)).toEqual([
      ['owner'],
      ['tags'],
      ['tags'],
    ]);
  });
});

describe('the communication history', () => {
  it('keeps staff notes and calls and orders received (once per change), newest first, in pages', async () => {
    // Prepare
    const w = world();
    const orderReceived = {
      type: 'OrderReceived' as const,
      detail: {
        version: 1 as const,
        changeId: 'ord_01JX:OrderReceived',
        occurredAt: '2026-11-25T09:00:00.000Z',
        orderId: 'ord_01JX',
        customerId: CUSTOMER.customerId,
        currency: 'EUR',
        total: '6099.60',
        lineCount: 2,
        incoterm: 'FOB',
        shipToCountry: 'DE',
      },
    };

    // Act
    await w.recordOrder(orderReceived);
    await w.recordOrder(orderReceived); // a redelivery
    const note = await w.addNote(
      CUSTOMER.customerId,
      { kind: 'call', subject: 'Called about DN50', summary: 'Wants March delivery' },
      { kind: 'staff', id: 'u1', role: 'sales' },
    );
    const first = await w.list(CUSTOMER.customerId, { limit: 1 });
    const second = await w.list(CUSTOMER.customerId, { limit: 1, nextToken: first.nextToken });
    const unknown = w.list('cus_01JNOPE0000000000000000000', {});

    // Assess
    expect(note).toMatchObject({ kind: 'call', direction: 'internal', by: 'sales' });
    expect(first.items.map((e) => e.kind)).toEqual(['call']);
    expect(second.items).toEqual([
      expect.objectContaining({
        kind: 'order',
        entryId: 'order:ord_01JX:OrderReceived',
        at: '2026-11-25T09:00:00.000Z',
        refs: { orderId: 'ord_01JX' },
      }),
    ]);
    expect(second.nextToken).toBeUndefined();
    await expect(unknown).rejects.toBeInstanceOf(NotFoundError);
  });
});

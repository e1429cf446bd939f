import type { StaffMember } from '../../domain/staff-member';
import { ConcurrentUpdateError } from '../../errors';
import type { StaffDirectory } from '../../ports/staff-directory';

/** For unit tests: the staff directory on a Map, with the DynamoDB adapter's order and conditions. */
export function makeInMemoryStaffDirectory(initial: StaffMember[] = []) {
  const items = new Map(initial.map((m) => [m.staffId, structuredClone(m)]));
  const directory: StaffDirectory = {
    async get(staffId) {
      const item = items.get(staffId);
      return item && structuredClone(item);
    },
    async list({ role, active, limit, nextToken }) {
      const ids = [...items.keys()].sort();
      const start = nextToken ? ids.indexOf(nextToken) + 1 : 0;
      const window = ids.slice(start, start + limit);
      const more = start + limit < ids.length;
      return {
        items: window
          .map((id) => items.get(id) as StaffMember)
          .filter((m) => (!role || m.role === role) && (active === undefined || m.active === active))
          .map((m) => structuredClone(m)),
        ...(more ? { nextToken: window[window.length - 1] } : {}),
      };
    },
    async save(member) {
      const stored = items.get(member.staffId);
      if ((stored?.version ?? 0) !== member.version - 1) {
        throw new ConcurrentUpdateError(`staff member ${member.staffId} changed since it was read`);
      }
      items.set(member.staffId, structuredClone(member));
    },
  };
  return Object.assign(directory, { items });
}

/** A directory entry for tests: an active English-speaking sales rep unless told otherwise. */
export function staffMember(staffId: string, overrides: Partial<StaffMember> = {}): StaffMember {
  return {
    staffId,
    name: `Name of ${staffId}`,
    email: `${staffId.replace(/[^a-z0-9]/gi, '.')}@tradeflow.example.com`.toLowerCase(),
    role: 'sales',
    language: 'en',
    active: true,
    version: 1,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    updatedBy: 'local-staff-admin',
    ...overrides,
  };
}

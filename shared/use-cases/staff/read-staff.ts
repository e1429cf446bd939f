import type { ListStaffQuery } from '../../contracts/staff';
import type { StaffMember } from '../../domain/staff-member';
import { NotFoundError } from '../../errors';
import type { StaffDirectory, StaffPage } from '../../ports/staff-directory';

/** GET /staff/{staffId} (admin, sales, sales-manager). */
export function makeGetStaffMember({ staff }: { staff: Pick<StaffDirectory, 'get'> }) {
  return async (staffId: string): Promise<StaffMember> => {
    const member = await staff.get(staffId);
    if (!member) throw new NotFoundError(`no staff member ${staffId}`);
    return member;
  };
}

/** GET /staff?role=&active= (admin, sales, sales-manager): by staff id, a page at a time. */
export function makeListStaff({ staff }: { staff: Pick<StaffDirectory, 'list'> }) {
  return (query: ListStaffQuery): Promise<StaffPage> =>
    staff.list({
      ...(query.role ? { role: query.role } : {}),
      ...(query.active ? { active: query.active === 'true' } : {}),
      limit: query.limit,
      ...(query.nextToken ? { nextToken: query.nextToken } : {}),
    });
}

/** The entry as the API answers it (what the last change named stays inside). */
export function staffMemberView(member: StaffMember) {
  const { changedFields: _changed, ...view } = member;
  return view;
}

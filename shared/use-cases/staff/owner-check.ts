import { ownerProblem } from '../../domain/staff-member';
import { InvalidInputError } from '../../errors';
import type { StaffDirectory } from '../../ports/staff-directory';

/**
 * A customer's new owner must be an active member of the staff directory, so the weekly nudge has
 * someone to reach: otherwise a 400 naming `owner` (code UNKNOWN_OWNER) that says what to do.
 */
export async function assertOwnerIsStaff(staff: Pick<StaffDirectory, 'get'>, owner: string): Promise<void> {
  const problem = ownerProblem(owner, await staff.get(owner));
  if (problem) throw new InvalidInputError(problem, 'owner', 'UNKNOWN_OWNER');
}

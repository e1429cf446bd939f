import { STAFF_ROLES, type StaffRole } from './staff-roles';

export type RoleFromGroups = { ok: true; role: StaffRole } | { ok: false; reason: string };

/**
 * The role a staff member acts in, from their user pool groups (`cognito:groups`): exactly one group
 * named as a role. Groups that are no role are ignored (the pool may hold others). A member of
 * several role groups is refused, not given one of them: which routes a person may call must not
 * hang on an ordering nobody sees, and a refusal is visible and mended by an admin (one role per
 * user; someone who needs two has two users).
 */
export function roleFromGroups(groups: unknown): RoleFromGroups {
  const names = Array.isArray(groups) ? groups.filter((group) => typeof group === 'string') : [];
  const roles = STAFF_ROLES.filter((role) => names.includes(role));
  if (roles.length === 1) return { ok: true, role: roles[0] };
  return {
    ok: false,
    reason: roles.length ? 'SeveralRoleGroups' : 'NoRoleGroup',
  };
}

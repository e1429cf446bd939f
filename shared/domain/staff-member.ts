import { STAFF_ROLES, type StaffRole } from './staff-roles';

/**
 * The staff directory: who works here, under which role, reached at which work address, in which
 * language. Customers' `owner` names a staff id of it, and staff emails (the weekly dormant-customer
 * nudge, quote approvals for sales managers) are addressed from it. Staff are not buyers, but their
 * names and addresses are still personal data: events and logs carry the staff id only. Pure.
 */

/** The languages staff emails are written in. */
export const STAFF_LANGUAGES = ['en', 'zh-CN'] as const;
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

/**
 * A staff id: letters, digits, `.`, `_`, `-` (a sign-in's subject, a UUID, fits; so does `rep_anna`).
 * Not a role's name: `sales` stands for "no owner, the sales team" in the nudge.
 */
export const STAFF_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export function isReservedStaffId(staffId: string): boolean {
  return (STAFF_ROLES as readonly string[]).includes(staffId);
}

/** What an admin sets (PUT /staff/{staffId}). */
export interface StaffDetails {
  name: string;
  /** The work address, lower-cased. */
  email: string;
  /** The role they sign in with (their user-pool group); the directory finds sales managers by it. */
  role: StaffRole;
  language: StaffLanguage;
  /** Inactive staff keep their entry (customers may still name them) but get no email and own nothing new. */
  active: boolean;
}

export interface StaffMember extends StaffDetails {
  staffId: string;
  /** 1 when added, +1 per change. */
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The staff id (sign-in subject) of the admin who made the last change. */
  updatedBy: string;
  /** The fields the last change set (every field when added): what StaffMemberUpdated names. */
  changedFields?: string[];
}

export const STAFF_FIELDS = ['name', 'email', 'role', 'language', 'active'] as const;

/** The fields whose value differs, in STAFF_FIELDS order. */
export function changedStaffFields(current: StaffDetails, next: StaffDetails): string[] {
  return STAFF_FIELDS.filter((field) => current[field] !== next[field]);
}

/**
 * Why a staff id may not be made a customer's owner, or undefined when it may: it must be an active
 * member of the directory (so the weekly nudge has someone to reach).
 */
export function ownerProblem(staffId: string, member: StaffMember | undefined): string | undefined {
  if (!member) {
    return `owner "${staffId}" is not in the staff directory: add them first (PUT /staff/${staffId}, admin) or pick a staff id from GET /staff`;
  }
  if (!member.active) {
    return `owner "${staffId}" is inactive in the staff directory: pick an active staff member (GET /staff)`;
  }
  return undefined;
}

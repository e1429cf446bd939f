/**
 * Staff roles; a staff credential carries exactly one. `sales-manager` does what sales does for
 * inquiries, quotes and customers, and approves quote lines below the margin floor (admin may too).
 * Appended, not sorted in: each role's Cognito group precedence is its index here.
 */
export const STAFF_ROLES = [
  'sales',
  'finance',
  'procurement',
  'warehouse',
  'logistics',
  'admin',
  'sales-manager',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return (STAFF_ROLES as readonly unknown[]).includes(value);
}

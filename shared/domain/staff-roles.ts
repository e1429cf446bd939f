/** Staff roles; a staff credential carries exactly one. */
export const STAFF_ROLES = ['sales', 'finance', 'procurement', 'warehouse', 'logistics', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

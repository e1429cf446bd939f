/**
 * The departments that own waits and hear of changes, as shared/email/department/next-steps.ts lists
 * them (copied, not imported: that module brings the event schemas into the browser bundle).
 * test/unit/console/settings-models.test.ts checks that the two lists agree.
 */
export const DEPARTMENTS = ['sales', 'finance', 'procurement', 'production', 'logistics'] as const;

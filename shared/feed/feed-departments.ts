import { WAIT_OWNER } from '../domain/waits';
import { DEPARTMENTS, type Department, isDepartment, NEXT_STEPS } from '../email/department/next-steps';

/**
 * The departments an event concerns, by the routing their notices use: those with a next step for
 * its type (NEXT_STEPS), and for a stall the department that owns the wait (WAIT_OWNER), sales when
 * there is no wait. By type, not per change: finance sees every PaymentReceived, though it is emailed
 * only for an overpayment. An event no department acts on (OrderConfirmed) concerns none: it shows
 * only on connections without a department filter.
 */
export function departmentsConcerned(type: string, detail: { wait?: unknown }): Department[] {
  if (type === 'OrderStalled') {
    const owner =
      typeof detail.wait === 'string' ? (WAIT_OWNER as Record<string, string>)[detail.wait] : undefined;
    return [owner && isDepartment(owner) ? owner : 'sales'];
  }
  return DEPARTMENTS.filter((department) => Object.hasOwn(NEXT_STEPS[department], type));
}

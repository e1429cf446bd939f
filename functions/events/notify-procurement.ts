import { departmentHandler } from './department-handler';

/** EventBridge target of `procurement-notifications`: a short email to procurement per change it acts on. */
export const handler = departmentHandler('procurement');

import { departmentHandler } from './department-handler';

/** EventBridge target of `production-notifications`: a short email to production per change it acts on. */
export const handler = departmentHandler('production');

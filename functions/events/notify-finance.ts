import { departmentHandler } from './department-handler';

/** EventBridge target of `finance-notifications`: a short email to finance per change it acts on. */
export const handler = departmentHandler('finance');

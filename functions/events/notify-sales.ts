import { departmentHandler } from './department-handler';

/** EventBridge target of `sales-notifications`: a short email to sales per change it acts on. */
export const handler = departmentHandler('sales');

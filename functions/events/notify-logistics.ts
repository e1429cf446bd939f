import { departmentHandler } from './department-handler';

/** EventBridge target of `logistics-notifications`: a short email to logistics per change it acts on. */
export const handler = departmentHandler('logistics');

import type { ConsolePage } from '../shell/contract';
import { customerListsPage } from './customers/customer-lists-page';
import { customerPage } from './customers/customer-page';
import { creditHoldsPage } from './finance/credit-holds-page';
import { receivablesPage } from './finance/receivables-page';
import { reconciliationPage } from './finance/reconciliation-page';
import { inventoryPage } from './inventory/inventory-page';
import { purchaseOrderListPage } from './inventory/purchase-order-list-page';
import { purchaseOrderPage } from './inventory/purchase-order-page';
import { stockPage } from './inventory/stock-page';
import { suppliersPage } from './inventory/suppliers-page';
import { boardPage } from './orders/board-page';
import { orderPage } from './orders/order-page';
import { inquiryListPage } from './sales/inquiry-list-page';
import { inquiryPage } from './sales/inquiry-page';
import { quoteListPage } from './sales/quote-list-page';
import { quotePage } from './sales/quote-page';
import { escalationsPage } from './settings/escalations-page';
import { subscriptionsPage } from './settings/subscriptions-page';

/**
 * Every page of the console, in one list: the shell routes to them and builds the menu from their
 * `nav`. Add a page with one import and one line below.
 */
export const pages: ConsolePage[] = [
  boardPage,
  orderPage,
  // The secondary pages: sales, customers, inventory and purchasing, finance, escalations, subscriptions.
  ...[inquiryListPage, inquiryPage, quoteListPage, quotePage, customerListsPage, customerPage],
  ...[inventoryPage, stockPage, purchaseOrderListPage, purchaseOrderPage, suppliersPage],
  ...[reconciliationPage, receivablesPage, creditHoldsPage, escalationsPage, subscriptionsPage],
];

import { pages } from '../../../console/src/pages';
import { type Asl, workflowGraph } from '../../../console/src/pages/orders/workflow-graph';
import { mergeCatalogs, missingKeys, translator } from '../../../console/src/shell/i18n';
import { shellMessages } from '../../../console/src/shell/shell-messages';
import { ORDER_STATUSES, WAIT_KINDS } from '../../../shared/domain/order';
import { TRANSPORT_MODES } from '../../../shared/domain/shipment';
import { STAFF_ROLES } from '../../../shared/domain/staff-roles';
import { TRACKING_STATUSES } from '../../../shared/domain/tracking';
import { DOCUMENT_KINDS } from '../../../shared/ports/trade-documents';
import orderLifecycle from '../../../workflows/order-lifecycle.asl.json';

const catalogs = mergeCatalogs([shellMessages, ...pages.map((page) => page.messages)]);

describe('the console in English and Simplified Chinese', () => {
  it.each(pages.map((page) => [page.route, page] as const))(
    '%s has the same message keys in both languages',
    (_route, page) => {
      // Act
      const missing = missingKeys(page.messages);
      // Assess
      expect(missing).toEqual([]);
    },
  );

  it('has the same shell message keys in both languages', () => {
    // Assess
    expect(missingKeys(shellMessages)).toEqual([]);
  });

  it("has every page's title, and no two pages on one route", () => {
    // Act
    const titles = pages
      .filter((page) => !Object.hasOwn(catalogs.en, page.titleKey))
      .map((page) => page.route);
    const routes = pages.map((page) => page.route);
    // Assess
    expect(titles).toEqual([]);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('names every status, wait, role, transport mode, carrier status and document kind the API has', () => {
    // Prepare
    const keys = [
      ...ORDER_STATUSES.map((status) => `status.${status}`),
      ...WAIT_KINDS.map((wait) => `wait.${wait}`),
      ...STAFF_ROLES.map((role) => `role.${role}`),
      ...TRANSPORT_MODES.map((mode) => `mode.${mode}`),
      ...TRACKING_STATUSES.map((status) => `tracking.${status}`),
      ...DOCUMENT_KINDS.map((kind) => `document.${kind}`),
    ];
    // Act
    const unnamed = keys.filter(
      (key) => !Object.hasOwn(catalogs.en, key) || !Object.hasOwn(catalogs['zh-CN'], key),
    );
    // Assess
    expect(unnamed).toEqual([]);
  });

  it('names every state on the workflow main path', () => {
    // Prepare
    const graph = workflowGraph(orderLifecycle as unknown as Asl);
    // Act
    const unnamed = graph.nodes
      .map((node) => `wf.${node.name}`)
      .filter((key) => !Object.hasOwn(catalogs['zh-CN'], key));
    // Assess
    expect(unnamed).toEqual([]);
  });

  it('fills placeholders, falls back to English, then to the key itself', () => {
    // Prepare
    const t = translator(
      { en: { a: 'Order {id}', b: 'only English' }, 'zh-CN': { a: '订单 {id}' } },
      'zh-CN',
    );
    // Act + Assess
    expect(t('a', { id: 'ord_1' })).toBe('订单 ord_1');
    expect(t('b')).toBe('only English');
    expect(t('c')).toBe('c');
  });
});

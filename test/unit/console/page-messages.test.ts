import { commonMessages } from '../../../console/src/pages/common-messages';
import { customerMessages } from '../../../console/src/pages/customers/customer-messages';
import { financeMessages } from '../../../console/src/pages/finance/finance-messages';
import { inventoryMessages } from '../../../console/src/pages/inventory/inventory-messages';
import { salesMessages } from '../../../console/src/pages/sales/sales-messages';
import { settingsMessages } from '../../../console/src/pages/settings/settings-messages';

const catalogs = {
  common: commonMessages,
  sales: salesMessages,
  customers: customerMessages,
  inventory: inventoryMessages,
  finance: financeMessages,
  settings: settingsMessages,
};
/** Chinese characters, and the full-width punctuation Chinese text uses. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the secondary pages' messages", () => {
  it.each(Object.entries(catalogs))(
    '%s: every Chinese message is written in Chinese, not copied from English',
    (_area, catalog) => {
      // Act
      const untranslated = Object.entries(catalog['zh-CN']).filter(([, text]) => !CJK.test(text));

      // Assess
      expect(untranslated).toEqual([]);
    },
  );

  it.each(Object.entries(catalogs))('%s: both languages fill the same placeholders', (_area, catalog) => {
    // Act
    const en: Record<string, string> = catalog.en;
    const zh: Record<string, string> = catalog['zh-CN'];
    const differing = Object.keys(en).filter(
      (key) => placeholders(en[key]).join() !== placeholders(zh[key] ?? '').join(),
    );

    // Assess
    expect(differing).toEqual([]);
    expect(Object.keys(catalog['zh-CN']).sort()).toEqual(Object.keys(catalog.en).sort());
  });
});

import {
  formatDate,
  formatMoney,
  formatMoneyList,
  formatPercent,
  formatRatio,
} from '../../../console/src/ui/format';

describe('console formatting', () => {
  it('formats decimal-string amounts exactly, in the currency and the language', () => {
    expect(formatMoney({ amount: '6099.60', currency: 'EUR' }, 'en')).toBe('€6,099.60');
    expect(formatMoney({ amount: '1234567890123.45', currency: 'USD' }, 'en')).toBe('$1,234,567,890,123.45');
    expect(formatMoney({ amount: '1000', currency: 'JPY' }, 'en')).toBe('¥1,000');
    expect(formatMoney({ amount: '6099.60', currency: 'EUR' }, 'zh-CN')).toBe('€6,099.60');
    expect(formatMoney(undefined, 'en')).toBe('—');
    expect(formatMoney({ amount: '5', currency: 'NOTACODE' }, 'en')).toBe('NOTACODE 5');
  });

  it('lists amounts in several currencies', () => {
    expect(
      formatMoneyList(
        [
          { amount: '1', currency: 'EUR' },
          { amount: '2', currency: 'USD' },
        ],
        'en',
      ),
    ).toBe('€1.00 · $2.00');
    expect(formatMoneyList([], 'en')).toBe('—');
  });

  it('formats dates without shifting a calendar day, and percentages', () => {
    expect(formatDate('2026-12-01', 'en')).toBe('Dec 1, 2026');
    expect(formatDate('2026-12-01', 'zh-CN')).toBe('2026年12月1日');
    expect(formatDate(undefined, 'en')).toBe('—');
    expect(formatPercent(32.5, 'en')).toBe('32.5%');
    expect(formatRatio(0.25, 'en')).toBe('25%');
    expect(formatRatio(null, 'en')).toBe('—');
  });
});

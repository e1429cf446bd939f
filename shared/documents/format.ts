import { formatAmount, type Money } from '../domain/money';

/** 1234567.5 → "1,234,567.50" in the money's own digits. */
export function moneyText(money: Money): string {
  const plain = formatAmount(money);
  const [whole, fraction] = plain.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${plain.startsWith('-') ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

export function kgText(kg: number | undefined): string {
  return kg === undefined ? '-' : kg.toFixed(3).replace(/\.?0+$/, '');
}

export function dimensionsText(pkg: { lengthCm: number; widthCm: number; heightCm: number }): string {
  return `${pkg.lengthCm} x ${pkg.widthCm} x ${pkg.heightCm}`;
}

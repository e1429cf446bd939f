import { putPricingSettingsBody } from '../../../shared/contracts/pricing-settings';

describe('PUT /settings/pricing body: percentages', () => {
  const body = (marginFloorPercent: number) => ({ version: 0, targetMarginPercent: 32, marginFloorPercent });

  it.each([0, 0.01, 12.5, 15, 95])('takes %p (at most two decimals)', (value) => {
    // Act
    const parsed = putPricingSettingsBody.safeParse(body(value));

    // Assess
    expect(parsed.success).toBe(true);
  });

  it.each([4.4e-323, 0.001, 12.345, -1, 96])('refuses %p, naming the field', (value) => {
    // Act
    const parsed = putPricingSettingsBody.safeParse(body(value));

    // Assess
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('marginFloorPercent');
  });
});

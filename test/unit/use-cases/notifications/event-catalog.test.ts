import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { topology } from '../../../../infra/topology';
import { EVENT_TYPES } from '../../../../shared/contracts/events';
import { BUYER_EMAIL_TYPES } from '../../../../shared/email/buyer-catalog';

describe('the event catalog and the routing agree with the contracts', () => {
  it('documents every event type in docs/events.md, in the table and with its own section', () => {
    // Prepare
    const catalog = readFileSync(join(__dirname, '../../../../docs/events.md'), 'utf8');

    // Act
    const undocumented = Object.entries(EVENT_TYPES).filter(
      ([type, { source }]) =>
        !catalog.includes(`### \`${type}\` (\`${source}\`, v1)`) ||
        !new RegExp(`^\\| \`${type}\` +\\| \`${source}\``, 'm').test(catalog),
    );

    // Assess
    expect(undocumented.map(([type]) => type)).toEqual([]);
  });

  it('has a buyer email for exactly the types the buyer-notifications rule routes', () => {
    // Prepare
    const rule = topology.rules.find((r) => r.name === 'buyer-notifications');

    // Assess
    expect([...((rule?.pattern['detail-type'] as string[]) ?? [])].sort()).toEqual(
      [...BUYER_EMAIL_TYPES].sort(),
    );
  });
});

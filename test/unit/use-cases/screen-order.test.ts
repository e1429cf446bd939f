import type { Order } from '../../../shared/domain/order';
import { type IntakeSteps, makeScreenOrder } from '../../../shared/use-cases/screen-order';

/** The intake's composition: each part runs only when the one before passed, and says how it ended. */
function recordingSteps(answers: { valid: boolean; decision: 'approve' | 'hold' }) {
  const calls: string[] = [];
  const steps: IntakeSteps = {
    validate: async (orderId) => {
      calls.push(`validate ${orderId}`);
      return { valid: answers.valid };
    },
    reviewCredit: async (orderId) => {
      calls.push(`review ${orderId}`);
      return { decision: answers.decision };
    },
    confirm: async (orderId) => {
      calls.push(`confirm ${orderId}`);
      return { needsDeposit: true, needsBalance: false };
    },
  };
  return { steps, calls };
}

describe('screenOrder (the order intake in one workflow step)', () => {
  it('hands each part the order as the part before left it, so the order is read once', async () => {
    // Prepare: each part answers its copy of the order
    const validated = { orderId: 'ord_4', version: 2 } as unknown as Order;
    const reviewed = { orderId: 'ord_4', version: 3 } as unknown as Order;
    const handed: (Order | undefined)[] = [];
    const steps: IntakeSteps = {
      validate: async () => ({ valid: true, order: validated }),
      reviewCredit: async (_orderId, read) => {
        handed.push(read);
        return { decision: 'approve', order: reviewed };
      },
      confirm: async (_orderId, read) => {
        handed.push(read);
        return { needsDeposit: false, needsBalance: true };
      },
    };

    // Act
    const screening = await makeScreenOrder(steps)('ord_4');

    // Assess
    expect(screening).toEqual({ outcome: 'confirmed', needsDeposit: false, needsBalance: true });
    expect(handed).toEqual([validated, reviewed]);
  });

  it('confirms a valid order whose credit is approved, and passes on what its terms ask for', async () => {
    // Prepare
    const { steps, calls } = recordingSteps({ valid: true, decision: 'approve' });

    // Act
    const screening = await makeScreenOrder(steps)('ord_1');

    // Assess
    expect(screening).toEqual({ outcome: 'confirmed', needsDeposit: true, needsBalance: false });
    expect(calls).toEqual(['validate ord_1', 'review ord_1', 'confirm ord_1']);
  });

  it('stops at a held credit review: no confirmation until finance decides', async () => {
    // Prepare
    const { steps, calls } = recordingSteps({ valid: true, decision: 'hold' });

    // Act
    const screening = await makeScreenOrder(steps)('ord_2');

    // Assess
    expect(screening).toEqual({ outcome: 'held', needsDeposit: false, needsBalance: false });
    expect(calls).toEqual(['validate ord_2', 'review ord_2']);
  });

  it('stops at a rejected order: no credit review, no confirmation', async () => {
    // Prepare
    const { steps, calls } = recordingSteps({ valid: false, decision: 'approve' });

    // Act
    const screening = await makeScreenOrder(steps)('ord_3');

    // Assess
    expect(screening).toEqual({ outcome: 'rejected', needsDeposit: false, needsBalance: false });
    expect(calls).toEqual(['validate ord_3']);
  });

  it('lets a failing part fail the step (the workflow retries it; each part is idempotent)', async () => {
    // Prepare
    const { steps } = recordingSteps({ valid: true, decision: 'approve' });
    steps.reviewCredit = async () => {
      throw new Error('throttled');
    };

    // Act
    const screening = makeScreenOrder(steps)('ord_4');

    // Assess
    await expect(screening).rejects.toThrow('throttled');
  });
});

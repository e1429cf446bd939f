import { ConflictError, NotFoundError } from '../../../../shared/errors';
import { makeDecideCredit } from '../../../../shared/use-cases/order-actions/decide-credit';
import { ALL_STATUSES, anOrder, NOW, ORDER_ID, staff, waitingFor, world } from './world';

describe('POST /orders/{id}/credit-decision', () => {
  it('records the approval beside the review and ends the credit wait', async () => {
    // Prepare
    const w = world(anOrder('CREDIT_HOLD', { pendingWait: waitingFor('credit-decision') }));
    const decide = makeDecideCredit(w.deps);

    // Act
    const order = await decide(ORDER_ID, { decision: 'approve', note: 'known buyer' }, staff.finance);

    // Assess
    expect(order.status).toBe('CREDIT_HOLD');
    expect(order.creditReview?.finalDecision).toEqual({
      decision: 'approve',
      note: 'known buyer',
      by: staff.finance,
      at: NOW,
    });
    expect(order.creditReview?.orderExposure).toBeDefined();
    expect(order.timeline.at(-1)).toEqual({
      at: NOW,
      what: 'Credit approved by finance',
      by: staff.finance,
      note: 'known buyer',
    });
    expect(await w.stored()).toEqual(order);
    expect(order.version).toBe(2);
    expect(w.callbacks.succeeded).toEqual([
      { token: 'token-credit-decision', output: { kind: 'credit-decision', decision: 'approve' } },
    ]);
    expect(w.events.published).toEqual([]);
  });

  it('records a rejection (the workflow rejects the order)', async () => {
    // Prepare
    const w = world(anOrder('CREDIT_HOLD', { pendingWait: waitingFor('credit-decision') }));

    // Act
    const order = await makeDecideCredit(w.deps)(ORDER_ID, { decision: 'reject' }, staff.finance);

    // Assess
    expect(order.creditReview?.finalDecision?.decision).toBe('reject');
    expect(order.timeline.at(-1)?.what).toBe('Credit rejected by finance');
    expect(w.callbacks.succeeded[0].output).toEqual({ kind: 'credit-decision', decision: 'reject' });
  });

  it('takes the same decision again as a repeat, and refuses a different one', async () => {
    // Prepare
    const w = world(anOrder('CREDIT_HOLD'));
    const decide = makeDecideCredit(w.deps);
    const first = await decide(ORDER_ID, { decision: 'approve' }, staff.finance);

    // Act
    const again = await decide(ORDER_ID, { decision: 'approve' }, staff.finance);
    const other = decide(ORDER_ID, { decision: 'reject' }, staff.finance);

    // Assess
    expect(again).toEqual(first);
    await expect(other).rejects.toThrow(/already made: approve/);
    expect((await w.stored()).version).toBe(first.version);
  });

  it.each(ALL_STATUSES.filter((status) => status !== 'CREDIT_HOLD'))(
    'answers 409 naming %s',
    async (status) => {
      // Prepare
      const w = world(anOrder(status));

      // Act
      const attempt = makeDecideCredit(w.deps)(ORDER_ID, { decision: 'approve' }, staff.finance);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(ConflictError);
      await expect(attempt).rejects.toMatchObject({ status });
      await expect(attempt).rejects.toThrow(`while the order is ${status}`);
      expect((await w.stored()).version).toBe(1);
    },
  );

  it('answers 404 for an unknown order', async () => {
    // Act
    const attempt = makeDecideCredit(world().deps)('ord_nope', { decision: 'approve' }, staff.finance);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(NotFoundError);
  });
});

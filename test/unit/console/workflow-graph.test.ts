import { type Asl, NODE, workflowGraph } from '../../../console/src/pages/orders/workflow-graph';
import { currentState, OFF_MAIN_PATH } from '../../../console/src/pages/orders/workflow-state';
import { ORDER_STATUSES, WAIT_KINDS } from '../../../shared/domain/order';
import orderLifecycle from '../../../workflows/order-lifecycle.asl.json';

const asl = orderLifecycle as unknown as Asl;

describe('the workflow drawn from the order ASL', () => {
  const graph = workflowGraph(asl);
  const names = graph.nodes.map((node) => node.name);

  it('has the main path from StartAt to the end, and none of what only a Catch reaches', () => {
    // Assess
    expect(names[0]).toBe(asl.StartAt);
    expect(names).toEqual(
      expect.arrayContaining([
        'WaitForCreditDecision',
        'WaitForPacking',
        'WaitForDelivery',
        'Completed',
        'Rejected',
      ]),
    );
    const catchOnly = Object.keys(asl.States).filter((name) =>
      /^Escalate|Failed$|^Compensate|^Cancelled$|^MarkOrderFailed$/.test(name),
    );
    expect(catchOnly.length).toBeGreaterThan(0);
    expect(names.filter((name) => catchOnly.includes(name))).toEqual([]);
  });

  it('draws every edge between drawn states, loops marked as going back', () => {
    // Assess
    for (const edge of graph.edges) {
      expect(names).toContain(edge.from);
      expect(names).toContain(edge.to);
    }
    expect(graph.edges).toContainEqual({ from: 'WaitForStock', to: 'AllocateStock', back: true });
    expect(
      graph.edges
        .filter((edge) => !edge.back)
        .every((edge) => {
          const rank = (name: string) => graph.nodes.find((node) => node.name === name)!.rank;
          return rank(edge.to) > rank(edge.from);
        }),
    ).toBe(true);
  });

  it('lays the states out without overlap, inside the drawing', () => {
    // Assess
    for (const [i, a] of graph.nodes.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(0);
      expect(a.y).toBeGreaterThanOrEqual(0);
      expect(a.x + NODE.width).toBeLessThanOrEqual(graph.width);
      expect(a.y + NODE.height).toBeLessThanOrEqual(graph.height);
      for (const b of graph.nodes.slice(i + 1)) {
        const apart =
          a.x + NODE.width <= b.x ||
          b.x + NODE.width <= a.x ||
          a.y + NODE.height <= b.y ||
          b.y + NODE.height <= a.y;
        expect({ a: a.name, b: b.name, apart }).toEqual({ a: a.name, b: b.name, apart: true });
      }
    }
  });

  it('finds the state that waits for each wait kind, by the wait the ASL gives it', () => {
    // Act
    const waits = WAIT_KINDS.map((wait) => [wait, currentState({ status: 'X', waitingFor: wait }, graph)]);
    // Assess
    for (const [wait, state] of waits) expect({ wait, found: Boolean(state) }).toEqual({ wait, found: true });
    expect(currentState({ status: 'IN_PRODUCTION', waitingFor: 'documents' }, graph)).toBe(
      'WaitForDocuments',
    );
  });

  it('lights a state for every status on the main path, and none for a cancelled order', () => {
    // Act
    const lit = ORDER_STATUSES.map((status) => [status, currentState({ status }, graph)] as const);
    // Assess
    for (const [status, state] of lit) {
      if (OFF_MAIN_PATH.has(status)) expect(state).toBeUndefined();
      else expect({ status, state: state && names.includes(state) }).toEqual({ status, state: true });
    }
    expect(currentState({ status: 'IN_TRANSIT', waitingFor: 'delivery' }, graph)).toBe('WaitForDelivery');
    expect(currentState({ status: 'COMPLETED' }, graph)).toBe('Completed');
  });
});

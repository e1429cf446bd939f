/**
 * The order workflow's main path, read from its ASL (the same file Step Functions runs): the states
 * reached from `StartAt` through `Next`, a Choice's branches and its `Default`, and through a `Catch`
 * only when it leads to a wait for staff (documents held by a failed check wait for sales). So
 * escalations (a wait's timeout), compensation (cancel) and the failure chain are left out, and a
 * state added to the ASL shows up here without a change to the console. Pure: no DOM.
 */

interface AslState {
  Type: string;
  Next?: string;
  End?: boolean;
  Default?: string;
  Choices?: { Next: string }[];
  Catch?: { Next: string }[];
  Comment?: string;
  Resource?: string;
  Parameters?: { Payload?: { wait?: unknown } };
}

export interface Asl {
  StartAt: string;
  States: Record<string, AslState>;
}

export interface WorkflowNode {
  name: string;
  type: string;
  /** The order wait this state is (`Parameters.Payload.wait` of a `.waitForTaskToken` task). */
  wait?: string;
  comment?: string;
  /** Longest distance from the start, loops cut. */
  rank: number;
  /** 0 on the spine (the longest way to the end), 1+ beside it. */
  lane: number;
  x: number;
  y: number;
}

export interface WorkflowEdge {
  from: string;
  to: string;
  /** A loop back (e.g. waiting for stock, then allocating again). */
  back: boolean;
}

export interface WorkflowGraph {
  nodes: WorkflowNode[];
  edges: WorkflowEdge[];
  width: number;
  height: number;
}

export const NODE = { width: 132, height: 42 } as const;
const GAP = { column: 30, lane: 14, row: 46, pad: 12 } as const;
const PER_ROW = 7;

const successors = (state: AslState, states: Asl['States']): string[] => [
  ...(state.Next ? [state.Next] : []),
  ...(state.Choices ?? []).map((choice) => choice.Next),
  ...(state.Default ? [state.Default] : []),
  ...(state.Catch ?? []).map((c) => c.Next).filter((next) => states[next] && waitOf(states[next])),
];

export function waitOf(state: AslState): string | undefined {
  const wait = state.Parameters?.Payload?.wait;
  return state.Resource?.includes('waitForTaskToken') && typeof wait === 'string' ? wait : undefined;
}

export function workflowGraph(asl: Asl): WorkflowGraph {
  // Reachable states, and edges marked back when they close a loop (depth-first from the start).
  const order: string[] = [];
  const edges: WorkflowEdge[] = [];
  const onStack = new Set<string>();
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (!asl.States[name]) return;
    seen.add(name);
    onStack.add(name);
    for (const next of [...new Set(successors(asl.States[name], asl.States))]) {
      if (!asl.States[next]) continue;
      edges.push({ from: name, to: next, back: onStack.has(next) });
      if (!seen.has(next)) visit(next);
    }
    onStack.delete(name);
    order.unshift(name);
  };
  visit(asl.StartAt);

  // `order` is a topological order of the forward edges: ranks are longest distances.
  const rank = new Map(order.map((name) => [name, 0]));
  for (const name of order)
    for (const edge of edges)
      if (edge.from === name && !edge.back)
        rank.set(edge.to, Math.max(rank.get(edge.to)!, rank.get(name)! + 1));

  // The spine: from the deepest end state back along the edges that made each rank.
  const spine = new Set<string>();
  const ends = order.filter((name) => successors(asl.States[name], asl.States).length === 0);
  let at = ends.sort((a, b) => rank.get(b)! - rank.get(a)!)[0];
  while (at) {
    spine.add(at);
    const current = at;
    at =
      edges.find(
        (e) =>
          e.to === current && !e.back && rank.get(e.from) === rank.get(current)! - 1 && !spine.has(e.from),
      )?.from ?? '';
  }

  // Off the spine, each state takes the first free lane at its rank.
  const lanesTaken = new Map<number, Set<number>>();
  const lane = new Map<string, number>();
  for (const name of [...order].sort((a, b) => rank.get(a)! - rank.get(b)!)) {
    const r = rank.get(name)!;
    const taken = lanesTaken.get(r) ?? new Set<number>();
    let chosen = spine.has(name) ? 0 : 1;
    while (taken.has(chosen)) chosen++;
    taken.add(chosen);
    lanesTaken.set(r, taken);
    lane.set(name, chosen);
  }

  // Rows of PER_ROW ranks, each row as tall as its lanes need.
  const ranks = Math.max(...rank.values()) + 1;
  const rows = Math.ceil(ranks / PER_ROW);
  const laneCount = (row: number) =>
    1 +
    Math.max(0, ...order.filter((n) => Math.floor(rank.get(n)! / PER_ROW) === row).map((n) => lane.get(n)!));
  const rowTop: number[] = [];
  let y = GAP.pad;
  for (let row = 0; row < rows; row++) {
    rowTop.push(y);
    y += laneCount(row) * (NODE.height + GAP.lane) - GAP.lane + GAP.row;
  }
  const nodes = order
    .map((name): WorkflowNode => {
      const state = asl.States[name];
      const r = rank.get(name)!;
      const wait = waitOf(state);
      return {
        name,
        type: state.Type,
        ...(wait ? { wait } : {}),
        ...(state.Comment ? { comment: state.Comment } : {}),
        rank: r,
        lane: lane.get(name)!,
        x: GAP.pad + (r % PER_ROW) * (NODE.width + GAP.column),
        y: rowTop[Math.floor(r / PER_ROW)] + lane.get(name)! * (NODE.height + GAP.lane),
      };
    })
    .sort((a, b) => a.rank - b.rank || a.lane - b.lane);
  const width = GAP.pad * 2 + Math.min(ranks, PER_ROW) * (NODE.width + GAP.column) - GAP.column;
  return { nodes, edges, width, height: y - GAP.row + GAP.pad };
}

/** The SVG path of an edge: elbows within a row, down through the gap between rows, loops underneath. */
export function edgePath(from: WorkflowNode, to: WorkflowNode, back: boolean): string {
  const fromMidY = from.y + NODE.height / 2;
  const toMidY = to.y + NODE.height / 2;
  if (back) {
    const below = Math.max(from.y, to.y) + NODE.height + GAP.lane / 2;
    return `M${from.x + NODE.width / 2},${from.y + NODE.height} V${below} H${to.x + NODE.width / 2} V${to.y + NODE.height}`;
  }
  if (Math.floor(from.rank / PER_ROW) === Math.floor(to.rank / PER_ROW)) {
    const midX = from.x + NODE.width + GAP.column / 2;
    return `M${from.x + NODE.width},${fromMidY} H${midX} V${toMidY} H${to.x}`;
  }
  const gapY = to.y - to.lane * (NODE.height + GAP.lane) - GAP.row / 2;
  return `M${from.x + NODE.width / 2},${from.y + NODE.height} V${gapY} H${to.x + NODE.width / 2} V${to.y}`;
}

/** `WaitForCreditDecision` → `Wait for credit decision`. */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  return words.map((word, index) => (index === 0 ? word : word.toLowerCase())).join(' ');
}

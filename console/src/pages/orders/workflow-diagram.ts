import type { Translate } from '../../shell/contract';
import { s } from '../../ui/dom';
import { edgePath, humanize, NODE, type WorkflowGraph } from './workflow-graph';

const LINE_CHARS = 19;

/** A state's label: its message (`wf.<State>`), else its name in words. */
export function stateLabel(t: Translate, name: string): string {
  const key = `wf.${name}`;
  const text = t(key);
  return text === key ? humanize(name) : text;
}

/** At most two lines of about LINE_CHARS characters (CJK text has no spaces: split by length). */
function lines(label: string): string[] {
  if (label.length <= LINE_CHARS) return [label];
  const space = label.lastIndexOf(' ', LINE_CHARS);
  const cut = space > 4 ? space : LINE_CHARS - 1;
  const rest = label.slice(cut).trim();
  return [label.slice(0, cut), rest.length > LINE_CHARS ? `${rest.slice(0, LINE_CHARS - 1)}…` : rest];
}

/**
 * The workflow as an SVG: tasks as boxes (waits dashed), choices with round ends, the current state
 * filled. An image with a title naming the current state, so a screen reader gets the point of it.
 */
export function workflowDiagram(
  graph: WorkflowGraph,
  current: string | undefined,
  t: Translate,
): SVGSVGElement {
  const byName = new Map(graph.nodes.map((node) => [node.name, node]));
  const title = current
    ? t('order.workflowCurrent', { state: stateLabel(t, current) })
    : t('order.workflowNoCurrent');
  return s(
    'svg',
    {
      viewBox: `0 0 ${graph.width} ${graph.height}`,
      width: graph.width,
      height: graph.height,
      role: 'img',
      'aria-labelledby': 'workflow-title',
      'data-current-state': current ?? '',
    },
    s('title', { id: 'workflow-title' }, title),
    s(
      'defs',
      null,
      s(
        'marker',
        {
          id: 'wf-arrow',
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#8c959f' }),
      ),
    ),
    graph.edges.map((edge) => {
      const from = byName.get(edge.from);
      const to = byName.get(edge.to);
      if (!from || !to) return null;
      return s('path', {
        class: edge.back ? 'wf-edge wf-back' : 'wf-edge',
        d: edgePath(from, to, edge.back),
      });
    }),
    graph.nodes.map((node) => {
      const label = lines(stateLabel(t, node.name));
      const classes = ['wf-node', node.wait ? 'wf-wait' : '', node.name === current ? 'wf-current' : '']
        .filter(Boolean)
        .join(' ');
      const round = node.type === 'Choice' ? NODE.height / 2 : node.type === 'Succeed' ? 12 : 4;
      return s(
        'g',
        { class: classes, 'data-state': node.name, transform: `translate(${node.x},${node.y})` },
        node.comment ? s('title', null, node.comment) : null,
        s('rect', { width: NODE.width, height: NODE.height, rx: round, ry: round }),
        label.map((line, index) =>
          s(
            'text',
            {
              x: NODE.width / 2,
              y: NODE.height / 2 + (index - (label.length - 1) / 2) * 13 + 4,
              'text-anchor': 'middle',
            },
            line,
          ),
        ),
      );
    }),
  );
}

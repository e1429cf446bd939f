import type { PageContext } from '../../shell/contract';
import { h, s, uniqueId } from '../../ui/dom';
import { formatMoney, formatNumber } from '../../ui/format';
import { type AgingChart, PLOT } from './aging-model';

/**
 * One aging chart as inline SVG: `role="img"` named by its title and described by a sentence with
 * every bucket's amount, so a screen reader hears the figures; the table beside it has them too.
 */
export function agingChartSvg(ctx: Pick<PageContext, 't' | 'language'>, chart: AgingChart): HTMLElement {
  const { t, language } = ctx;
  const titleId = uniqueId('chart-title');
  const descId = uniqueId('chart-desc');
  const title = chart.converted
    ? t('aging.chartConverted', { currency: chart.currency, ratesOn: chart.ratesOn ?? '' })
    : t('aging.chartTitle', { currency: chart.currency });
  const description = t('aging.chartDesc', {
    buckets: chart.bars
      .map((bar) =>
        t('aging.bucketValue', {
          bucket: t(`aging.bucket.${bar.bucket}`),
          amount: formatMoney(bar.amount, language),
        }),
      )
      .join('; '),
    total: formatMoney(chart.total, language),
  });
  const { width, height } = chart.size;
  const baseline = height - PLOT.bottom;
  const svg = s(
    'svg',
    {
      class: 'aging-chart',
      role: 'img',
      viewBox: `0 0 ${width} ${height}`,
      width,
      height,
      'aria-labelledby': titleId,
      'aria-describedby': descId,
    },
    s('title', { id: titleId }, title),
    s('desc', { id: descId }, description),
    chart.ticks.map((tick) =>
      s(
        'g',
        { class: 'tick', 'aria-hidden': 'true' },
        s('line', { x1: PLOT.left, x2: width - PLOT.right, y1: tick.y, y2: tick.y }),
        s(
          'text',
          { x: PLOT.left - 6, y: tick.y + 4, 'text-anchor': 'end' },
          formatNumber(tick.value, language),
        ),
      ),
    ),
    chart.bars.map((bar) =>
      s(
        'g',
        { class: `bar bar-${bar.bucket === 'current' ? 'current' : 'late'}`, 'aria-hidden': 'true' },
        s(
          'rect',
          { x: bar.x, y: bar.y, width: bar.width, height: bar.height },
          s('title', null, `${t(`aging.bucket.${bar.bucket}`)}: ${formatMoney(bar.amount, language)}`),
        ),
        s(
          'text',
          { x: bar.labelX, y: baseline + 16, 'text-anchor': 'middle' },
          t(`aging.bucket.${bar.bucket}`),
        ),
      ),
    ),
  );
  return h('figure', { class: 'chart' }, svg, h('figcaption', null, title));
}

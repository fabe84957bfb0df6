// The charts, drawn by Apache ECharts from the tier summary. Only the parts used are bundled; the SVG renderer keeps
// each mark an element of the page (crisp when zoomed or printed).
import * as echarts from 'echarts/core';
import { FunnelChart, HeatmapChart, LineChart, SankeyChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([FunnelChart, HeatmapChart, LineChart, SankeyChart, GridComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

const palette = ['#3e63dd', '#5b8def', '#8fb3f5', '#c3d5fa', '#e4ecfd', '#eef2fe'];

export function chartOn(element) {
  return echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'svg' });
}

// Charts appear finished at once: a period or language switch redraws everything, and a screenshot shows it all.
const still = option => ({ animation: false, ...option });

export const percent = (share, digits = 1) => `${(share * 100).toFixed(digits)}%`;

/** The tiers top to bottom, each as wide as its customers, labelled with its share of revenue. */
export function pyramid(summary, t) {
  return still({
    tooltip: { trigger: 'item', formatter: p => `${p.name}: ${p.value} ${t.customers}, ${percent(p.data.share)} ${t.ofRevenue}` },
    series: [{
      type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '12%', gap: 2,
      label: { position: 'inside', formatter: p => `${p.name}  ${percent(p.data.share)}`, color: '#1f2933' },
      data: summary.tiers.map((tier, i) => ({
        name: tier.group, value: tier.customers, share: tier.revenueShare, itemStyle: { color: palette[Math.min(i, palette.length - 1)] },
      })),
    }],
  });
}

/** Cumulative revenue share by customer rank, best first, against the line of equal spend. */
export function pareto(summary, t) {
  const points = summary.kpis?.concentration.pareto ?? [];
  return still({
    tooltip: { trigger: 'axis', valueFormatter: v => `${Number(v).toFixed(1)}%` },
    grid: { left: 48, right: 16, top: 16, bottom: 40 },
    xAxis: { type: 'value', min: 0, max: 100, name: t.customerShare, nameLocation: 'middle', nameGap: 26, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t.cumulativeRevenue, type: 'line', showSymbol: false, areaStyle: { opacity: 0.15 }, color: palette[0],
        data: points.map(p => [p.customerShare * 100, p.revenueShare * 100]) },
      { name: t.equality, type: 'line', showSymbol: false, lineStyle: { type: 'dashed' }, color: '#9aa5b1', data: [[0, 0], [100, 100]] },
    ],
  });
}

/** Customers flowing from last period's tier (or new) to this period's. */
export function flow(summary, t) {
  const from = name => `${name === 'new' ? t.newCustomers : name} (${summary.previousPeriod ?? '—'})`;
  const to = name => `${name} (${summary.period})`;
  const links = Object.entries(summary.movements).flatMap(([source, row]) =>
    Object.entries(row).map(([target, value]) => ({ source: from(source), target: to(target), value })));
  const names = [...new Set(links.flatMap(l => [l.source, l.target]))];
  return still({
    tooltip: { trigger: 'item' },
    series: [{
      type: 'sankey', left: 8, right: 90, top: 8, bottom: 8, nodeGap: 6, layoutIterations: 0,
      emphasis: { focus: 'adjacency' }, lineStyle: { color: 'gradient', opacity: 0.35 },
      data: names.map(name => ({ name })), links,
    }],
  });
}

/** Customers (or revenue) in each cell of recency score × combined frequency-monetary score. */
export function heatmap(summary, t, measure) {
  const cells = summary.rfmGrid ?? [];
  const bins = Math.max(1, ...cells.flatMap(c => [c.recency, c.frequencyMonetary]));
  const scores = Array.from({ length: bins }, (_, i) => String(i + 1));
  const value = c => (measure === 'revenue' ? Math.round(c.revenue) : c.customers);
  const data = cells.map(c => [c.frequencyMonetary - 1, c.recency - 1, value(c)]);
  return still({
    tooltip: { position: 'top', formatter: p => `R${p.value[1] + 1} FM${p.value[0] + 1}: ${p.value[2].toLocaleString()}` },
    grid: { left: 56, right: 72, top: 8, bottom: 48 },
    xAxis: { type: 'category', data: scores, name: t.frequencyMonetary, nameLocation: 'middle', nameGap: 26, splitArea: { show: true } },
    yAxis: { type: 'category', data: scores, name: t.recency, nameLocation: 'middle', nameGap: 30, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, ...data.map(d => d[2])), calculable: true, orient: 'vertical', right: 0, top: 'middle', itemHeight: 140,
      formatter: v => compact(Math.round(v)), inRange: { color: ['#eef2fe', '#3e63dd'] } },
    series: [{ type: 'heatmap', data, label: { show: true, fontSize: 10, formatter: p => compact(p.value[2]) } }],
  });
}

const compact = n => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${Math.round(n / 1e3)}k` : String(n));

/** How many marks each chart's first series drew, read from the chart's own model: what the browser test checks. */
export function drawn(element) {
  const chart = echarts.getInstanceByDom(element);
  return chart ? chart.getModel().getSeriesByIndex(0)?.getData().count() ?? 0 : 0;
}

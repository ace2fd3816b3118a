import { useEffect, useRef } from 'react';
import type { ChartType } from '../gql/graphql';
import { echarts } from './echarts';
import { formatValue } from './format';
import { seriesOf, type PointRef, type Result } from './series';

export type Stacking = 'stacked' | 'grouped';

/** A report drawn with ECharts (SVG). Clicking a bar, point or slice asks for its conversations. */
export function Chart({ result, type, stacking, label, onPoint }: { result: Result; type: ChartType; stacking: Stacking; label: string; onPoint: (ref: PointRef) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onPointRef = useRef(onPoint);
  onPointRef.current = onPoint;
  const model = seriesOf(result);

  useEffect(() => {
    const element = ref.current as HTMLDivElement;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return;
    instance.off('click');
    instance.on('click', (params) => {
      const point = model.series[params.seriesIndex ?? 0]?.refs[params.dataIndex];
      if (point) onPointRef.current(point);
    });
    instance.setOption(optionFor(model, type, stacking), { notMerge: true });
  });

  return <div ref={ref} className="chart" role="img" aria-label={`${label}. Its numbers are in the data table.`} data-chart-type={type} />;
}

/** Charts grow into place unless the reader asked their system for less motion. */
const animation = typeof window.matchMedia !== 'function' || !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function optionFor(model: ReturnType<typeof seriesOf>, type: ChartType, stacking: Stacking): echarts.EChartsCoreOption {
  const format = (value: unknown) => formatValue(typeof value === 'number' ? value : null, model.unit);
  const tooltip = { trigger: 'item', valueFormatter: format, confine: true };
  if (type === 'PIE' || type === 'DONUT') {
    const [first] = model.series;
    return {
      animation,
      aria: { enabled: true },
      tooltip,
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: type === 'DONUT' ? ['45%', '70%'] : '70%',
          center: ['50%', '45%'],
          label: { formatter: '{b}: {d}%' },
          data: model.categories.map((name, i) => ({ name, value: first?.values[i] ?? 0 })),
        },
      ],
    };
  }
  const horizontal = type === 'BAR';
  const line = type === 'LINE' || type === 'AREA';
  const categoryAxis = { type: 'category', data: model.categories, axisLabel: { hideOverlap: true, width: 140, overflow: 'truncate' }, inverse: horizontal };
  const valueAxis = { type: 'value', axisLabel: { formatter: format, hideOverlap: true }, minInterval: model.unit === 'COUNT' ? 1 : 0 };
  const legend = model.series.length > 1 || model.breakdown;
  return {
    animation,
    aria: { enabled: true },
    tooltip: { ...tooltip, trigger: line ? 'axis' : 'item' },
    legend: legend ? { type: 'scroll', bottom: 0 } : undefined,
    grid: { left: 8, right: 24, top: 16, bottom: legend ? 40 : 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: model.series.map((s) => ({
      name: s.name,
      type: line ? 'line' : 'bar',
      data: s.values,
      stack: stacking === 'stacked' && model.series.length > 1 ? 'total' : undefined,
      areaStyle: type === 'AREA' ? {} : undefined,
      emphasis: { focus: 'series' },
      symbolSize: 8,
      barMaxWidth: 48,
    })),
  };
}

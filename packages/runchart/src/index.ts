export { median, qbinom, longestRunLimit, crossingsLimit } from './stats.js';
export {
  analyse,
  findTrends,
  type AnalyseOptions,
  type Better,
  type Run,
  type RunChartAnalysis,
  type Side,
  type Signal,
  type Trend,
} from './analyse.js';
export { describe, describeCentre, describeSignal, type DescribeOptions, type Lang } from './describe.js';
export {
  layoutRunChart,
  niceTicks,
  type ChartInput,
  type ChartLayout,
  type ChartPointInput,
  type LayoutOptions,
} from './layout.js';
export { CHART_COLOURS, defaultFormat, renderRunChartSvg, type SvgText } from './svg.js';

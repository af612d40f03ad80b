/**
 * The central scatter as data: axes with nice ticks, one mark per step and series in drawing order, and
 * the list of shapes (lines, marks, text) that paint it. Pure functions: the same shapes go to the
 * on-screen canvas, to the PNG and to the SVG export (scatterPaint.ts), and hit-testing uses the marks.
 *
 * Encoding: x = step entropy H_t, y = update magnitude; colour = outcome, shape = sign of the advantage
 * (● ≥ 0, ▼ < 0), hollow = plain A(τ), filled = EMPG's A_final; with both shown a grey segment joins a
 * step's two marks; older iterations fade.
 */
import type { StepSelection } from '../../store/runStore';
import type { MagnitudeMode } from './centralView';
import type { UpdatePoint } from './updatePoints';

/** Outcome colours (the page's success / failure). */
export const OUTCOME_COLOURS = { success: '#1f8a5b', failure: '#c2412d' } as const;

const GRID = '#e3e7ee';
const AXIS = '#8792a2';
const TEXT = '#5b6678';
const INK = '#17202e';
const LINK = '#8792a2';
const HIGHLIGHT = '#2f5bea';
const TITLE_BAND = 28;
const LEGEND_BAND = 24;
const MARK_RADIUS = 4;

/** Pixel geometry of the plot: the drawing area inside the axes and the two linear scales. */
export interface ScatterLayout {
  width: number;
  height: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** Upper ends of the axes (both start at 0). */
  xMax: number;
  yMax: number;
  xTicks: number[];
  yTicks: number[];
  /** Decimals of the tick labels. */
  xDigits: number;
  yDigits: number;
  /** Font size of ticks and axis titles: larger in a large chart, for a projector. */
  fontSize: number;
}

/** One drawn mark: a step in one series, at its pixel position. */
export interface ScatterMark {
  point: UpdatePoint;
  series: 'plain' | 'empg';
  /** The magnitude it shows (plain or EMPG). */
  value: number;
  positive: boolean;
  x: number;
  y: number;
}

/** One thing to paint. Coordinates are CSS pixels of the chart. */
export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'lines'; segments: number[]; stroke: string; width: number; opacity?: number; dash?: number[] }
  | { kind: 'mark'; shape: 'circle' | 'triangle'; x: number; y: number; r: number; fill: string; fillOpacity: number; stroke: string; strokeWidth: number; strokeOpacity: number }
  | { kind: 'ring'; x: number; y: number; r: number; stroke: string; width: number; dash?: number[] }
  | { kind: 'text'; x: number; y: number; text: string; size: number; fill: string; align: 'start' | 'middle' | 'end'; baseline: 'top' | 'middle' | 'bottom'; rotate?: boolean; bold?: boolean };

/** What the scene shows, besides the points. */
export interface SceneOptions {
  magnitude: MagnitudeMode;
  width: number;
  height: number;
  yLabel: string;
  /** A title band on top (exports). */
  title?: string;
  /** The legend as a band at the bottom (exports; the page shows it as HTML). */
  legend?: boolean;
  /** Axis maxima to reach at least (the larger of these and the points' own): lanes compared side by side share their axes. */
  extent?: AxisExtent;
}

/** The largest entropy and magnitude a chart's axes must show. */
export interface AxisExtent {
  entropy: number;
  magnitude: number;
}

/** The largest entropy and shown magnitude (plain, EMPG or both) of the points; 0 for none. */
export function pointsExtent(points: readonly UpdatePoint[], magnitude: MagnitudeMode): AxisExtent {
  const showPlain = magnitude !== 'empg';
  const showEmpg = magnitude !== 'plain';
  let entropy = 0;
  let size = 0;
  for (const p of points) {
    entropy = Math.max(entropy, p.entropy);
    if (showPlain) size = Math.max(size, p.plain);
    if (showEmpg) size = Math.max(size, p.empg);
  }
  return { entropy, magnitude: size };
}

/** The extent that covers every one of `extents`. */
export function unionExtent(extents: readonly AxisExtent[]): AxisExtent {
  return extents.reduce((a, b) => ({ entropy: Math.max(a.entropy, b.entropy), magnitude: Math.max(a.magnitude, b.magnitude) }), { entropy: 0, magnitude: 0 });
}

/** The axes and marks of a scene, computed once per data change. */
export interface Scene {
  layout: ScatterLayout;
  marks: ScatterMark[];
  options: SceneOptions;
}

/**
 * A round upper end for an axis and its tick step: 1, 2, 2.5 or 5 × 10^k, about `count` ticks from 0.
 * A non-positive or non-finite maximum gives the axis 0–1.
 */
export function niceAxis(max: number, count = 5): { max: number; step: number; digits: number } {
  if (!(max > 0) || !Number.isFinite(max)) return { max: 1, step: 0.2, digits: 1 };
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const mantissa = [1, 2, 2.5, 5, 10].find((m) => m * power >= rough * (1 - 1e-9)) ?? 10;
  const step = mantissa * power;
  const top = Math.ceil(max / step - 1e-9) * step;
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (mantissa === 2.5 ? 1 : 0));
  return { max: top, step, digits };
}

function ticks(max: number, step: number): number[] {
  const n = Math.round(max / step);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** The mark of a step that stands for it (the EMPG one unless only plain is shown). */
export function primarySeries(magnitude: MagnitudeMode): 'plain' | 'empg' {
  return magnitude === 'plain' ? 'plain' : 'empg';
}

/** Axes, scales and marks of the points in a chart of the given size. */
export function buildScene(points: readonly UpdatePoint[], options: SceneOptions): Scene {
  const { magnitude, width, height } = options;
  const showPlain = magnitude !== 'empg';
  const showEmpg = magnitude !== 'plain';
  const extent = unionExtent([pointsExtent(points, magnitude), options.extent ?? { entropy: 0, magnitude: 0 }]);
  const xAxis = niceAxis(extent.entropy);
  const yAxis = niceAxis(extent.magnitude);
  const yDigits = Math.max(yAxis.digits, 0);
  const fontSize = height >= 360 ? 13 : 11;
  const labelWidth = Math.max(3, yAxis.max.toFixed(yDigits).length) * fontSize * 0.6;
  const layout: ScatterLayout = {
    width, height, fontSize,
    left: Math.round(labelWidth + fontSize + 15),
    top: (options.title ? TITLE_BAND : 0) + 10,
    right: width - 20,
    bottom: height - (options.legend ? LEGEND_BAND : 0) - Math.round(fontSize * 3.3),
    xMax: xAxis.max, yMax: yAxis.max,
    xTicks: ticks(xAxis.max, xAxis.step), yTicks: ticks(yAxis.max, yAxis.step),
    xDigits: Math.max(xAxis.digits, 1), yDigits,
  };
  const marks: ScatterMark[] = [];
  const add = (series: 'plain' | 'empg') => {
    for (const point of points) {
      const value = series === 'plain' ? point.plain : point.empg;
      marks.push({
        point, series, value, positive: series === 'plain' ? point.plainPositive : point.empgPositive,
        x: xPixel(layout, point.entropy), y: yPixel(layout, value),
      });
    }
  };
  // Plain first, so the EMPG marks (what the update used) lie on top.
  if (showPlain) add('plain');
  if (showEmpg) add('empg');
  return { layout, marks, options };
}

/** Pixel x of an entropy. */
export function xPixel(layout: ScatterLayout, value: number): number {
  return layout.left + (value / layout.xMax) * (layout.right - layout.left);
}

/** Pixel y of a magnitude. */
export function yPixel(layout: ScatterLayout, value: number): number {
  return layout.bottom - (value / layout.yMax) * (layout.bottom - layout.top);
}

/** Same lane, iteration, trajectory and step. */
export function sameStep(a: Pick<StepSelection, 'lane' | 'iteration' | 'traj' | 't'>, b: Pick<StepSelection, 'lane' | 'iteration' | 'traj' | 't'> | null): boolean {
  return !!b && a.lane === b.lane && a.iteration === b.iteration && a.traj === b.traj && a.t === b.t;
}

/**
 * The index of the mark nearest to (x, y) within `radius` pixels, or -1. Of marks at the same distance
 * the one drawn last (on top) wins, so a click lands on what the user sees.
 */
export function nearestMark(marks: readonly ScatterMark[], x: number, y: number, radius = 12): number {
  let best = -1;
  let bestDistance = radius * radius;
  for (let i = 0; i < marks.length; i++) {
    const dx = marks[i].x - x;
    const dy = marks[i].y - y;
    const distance = dx * dx + dy * dy;
    if (distance <= bestDistance + 0.25) {
      best = i;
      bestDistance = Math.min(bestDistance, distance);
    }
  }
  return best;
}

/** The mark standing for a step (see `primarySeries`), or undefined when it is not on the chart. */
export function markOfStep(scene: Scene, step: StepSelection | null): ScatterMark | undefined {
  if (!step) return undefined;
  const series = primarySeries(scene.options.magnitude);
  return scene.marks.find((m) => m.series === series && sameStep(m.point, step));
}

/**
 * Every step on the chart for the keyboard and screen readers: one mark per step (its primary mark),
 * ordered by entropy as they lie on the x-axis, ties by trajectory and step.
 */
export function orderedMarks(scene: Scene): ScatterMark[] {
  const series = primarySeries(scene.options.magnitude);
  return scene.marks
    .filter((m) => m.series === series)
    .sort((a, b) => a.point.entropy - b.point.entropy || a.point.iteration - b.point.iteration || a.point.traj - b.point.traj || a.point.t - b.point.t);
}

/** The legend's entries as shapes, left to right from (x, y). */
function legendShapes(x: number, y: number, magnitude: MagnitudeMode, size: number): Shape[] {
  const shapes: Shape[] = [];
  let at = x;
  const label = (text: string) => {
    shapes.push({ kind: 'text', x: at, y, text, size, fill: TEXT, align: 'start', baseline: 'middle' });
    at += text.length * size * 0.55 + 16;
  };
  const mark = (shape: 'circle' | 'triangle', colour: string, filled: boolean) => {
    shapes.push({ kind: 'mark', shape, x: at + 4, y, r: MARK_RADIUS, fill: filled ? colour : '#ffffff', fillOpacity: 1, stroke: colour, strokeWidth: 1.4, strokeOpacity: 1 });
    at += 12;
  };
  mark('circle', OUTCOME_COLOURS.success, true);
  label('solved');
  mark('circle', OUTCOME_COLOURS.failure, true);
  label('failed');
  mark('circle', TEXT, true);
  label('A ≥ 0');
  mark('triangle', TEXT, true);
  label('A < 0');
  if (magnitude === 'both') {
    mark('circle', TEXT, false);
    label('plain');
    mark('circle', TEXT, true);
    label('EMPG (linked per step)');
  }
  return shapes;
}

/** What is emphasised on top of the data. */
export interface SceneFocus {
  /** The step selected everywhere (ringed). */
  selection: StepSelection | null;
  /** The mark under the pointer or the keyboard focus (outlined). */
  highlight?: ScatterMark;
}

/** Every shape of the scene, back to front: background, grid, axes, links, marks, rings, labels. */
export function sceneShapes(scene: Scene, focus: SceneFocus): Shape[] {
  const { layout: l, marks, options } = scene;
  const shapes: Shape[] = [{ kind: 'rect', x: 0, y: 0, w: l.width, h: l.height, fill: '#ffffff' }];
  if (options.title) shapes.push({ kind: 'text', x: 8, y: 19, text: options.title, size: 15, fill: INK, align: 'start', baseline: 'bottom', bold: true });

  const grid: number[] = [];
  for (const t of l.xTicks) grid.push(xPixel(l, t), l.top, xPixel(l, t), l.bottom);
  for (const t of l.yTicks) grid.push(l.left, yPixel(l, t), l.right, yPixel(l, t));
  shapes.push({ kind: 'lines', segments: grid, stroke: GRID, width: 1, dash: [3, 3] });
  const tickMarks: number[] = [];
  for (const t of l.xTicks) tickMarks.push(xPixel(l, t), l.bottom, xPixel(l, t), l.bottom + 5);
  for (const t of l.yTicks) tickMarks.push(l.left - 5, yPixel(l, t), l.left, yPixel(l, t));
  shapes.push({ kind: 'lines', segments: [l.left, l.top, l.left, l.bottom, l.left, l.bottom, l.right, l.bottom, ...tickMarks], stroke: AXIS, width: 1 });
  const size = l.fontSize;
  for (const t of l.xTicks) shapes.push({ kind: 'text', x: xPixel(l, t), y: l.bottom + 8, text: t.toFixed(l.xDigits), size, fill: TEXT, align: 'middle', baseline: 'top' });
  for (const t of l.yTicks) shapes.push({ kind: 'text', x: l.left - 8, y: yPixel(l, t), text: t.toFixed(l.yDigits), size, fill: TEXT, align: 'end', baseline: 'middle' });
  shapes.push({ kind: 'text', x: (l.left + l.right) / 2, y: l.bottom + Math.round(size * 3.1), text: 'step entropy H_t (nats)', size, fill: TEXT, align: 'middle', baseline: 'bottom' });
  shapes.push({ kind: 'text', x: 4, y: (l.top + l.bottom) / 2, text: options.yLabel, size, fill: TEXT, align: 'middle', baseline: 'top', rotate: true });

  if (options.magnitude === 'both') {
    const links: number[] = [];
    const seen = marks.filter((m) => m.series === 'empg');
    for (const m of seen) links.push(m.x, yPixel(l, m.point.plain), m.x, m.y);
    shapes.push({ kind: 'lines', segments: links, stroke: LINK, width: 1, opacity: 0.45 });
  }
  for (const m of marks) {
    const colour = m.point.success ? OUTCOME_COLOURS.success : OUTCOME_COLOURS.failure;
    const selected = sameStep(m.point, focus.selection);
    shapes.push({
      kind: 'mark', shape: m.positive ? 'circle' : 'triangle', x: m.x, y: m.y, r: selected ? 6 : MARK_RADIUS,
      fill: m.series === 'empg' ? colour : '#ffffff', fillOpacity: m.point.latest ? 0.85 : 0.3,
      stroke: colour, strokeWidth: selected ? 2.5 : 1.4, strokeOpacity: m.point.latest ? 1 : 0.4,
    });
  }
  const chosen = markOfStep(scene, focus.selection);
  if (chosen) shapes.push({ kind: 'ring', x: chosen.x, y: chosen.y, r: 10, stroke: INK, width: 2 });
  if (focus.highlight) shapes.push({ kind: 'ring', x: focus.highlight.x, y: focus.highlight.y, r: 8, stroke: HIGHLIGHT, width: 1.5, dash: [3, 2] });
  if (options.legend) shapes.push(...legendShapes(l.left, l.height - LEGEND_BAND / 2, options.magnitude, size));
  return shapes;
}

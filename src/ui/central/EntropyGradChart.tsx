/**
 * Entropy against update magnitude, one mark per step of a lane's kept iterations (see scatterScene.ts
 * for the encoding), drawn on a canvas: a thousand marks cost one paint instead of a thousand SVG
 * elements to diff, so a new iteration never blocks the page. Hovering a mark shows its step, clicking
 * selects it everywhere. Every step is also reachable from the keyboard and by screen readers through
 * one focusable listbox whose active step moves with the arrow keys, and, on request, as a list of
 * buttons; both carry each mark's position for tests and tools.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { useRun, type StepSelection } from '../../store/runStore';
import { useDeferredRun } from '../deferredRun';
import type { MagnitudeMode } from './centralView';
import { paintCanvas } from './scatterPaint';
import { buildScene, markOfStep, nearestMark, orderedMarks, sameStep, sceneShapes, type AxisExtent, type Scene, type ScatterMark } from './scatterScene';
import type { UpdatePoint } from './updatePoints';

/** Props of `EntropyGradChart`. */
export interface EntropyGradChartProps {
  points: UpdatePoint[];
  magnitude: MagnitudeMode;
  height: number;
  /** The y-axis title ("|A|·‖e−p‖" or "|A|·‖∇θ log π‖"). */
  yLabel: string;
  /** Axis maxima shared with the other lanes. */
  extent?: AxisExtent;
  /** Also list every step as a button under the chart. */
  listed?: boolean;
}

/** How far from a mark (CSS pixels) the pointer still hovers or clicks it. */
const HOVER_RADIUS = 10;
const CLICK_RADIUS = 12;

function stepOf(point: UpdatePoint): StepSelection {
  return { lane: point.lane, iteration: point.iteration, traj: point.traj, t: point.t };
}

function selectPoint(point: UpdatePoint): void {
  useRun.getState().select(stepOf(point));
}

/** Brings the inspector into view when it is off screen (after a click on the canvas; keys stay in the chart). */
function revealInspector(): void {
  const inspector = document.getElementById('inspector');
  if (!inspector) return;
  const box = inspector.getBoundingClientRect();
  if (box.top >= window.innerHeight || box.bottom <= 0) inspector.scrollIntoView({ block: 'start', behavior: 'smooth' });
}

/** The element's width in whole CSS pixels, kept up to date. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

function Tooltip({ mark, width, height }: { mark: ScatterMark; width: number; height: number }) {
  const p = mark.point;
  const style: CSSProperties = {};
  if (mark.x < width * 0.55) style.left = mark.x + 12;
  else style.right = width - mark.x + 12;
  if (mark.y < height / 2) style.top = mark.y + 10;
  else style.bottom = height - mark.y + 10;
  return (
    <div className="chart-tooltip scatter-tooltip" style={style} role="presentation">
      <strong>τ{p.traj} · step {p.t + 1}</strong> ({p.success ? 'solved' : 'failed'}, iteration {p.iteration})<br />
      <code>{p.action}</code><br />
      H = {p.entropy.toFixed(3)} · plain {p.plain.toFixed(3)} · EMPG {p.empg.toFixed(3)}
    </div>
  );
}

/** How far Page Up / Page Down move the keyboard focus among the ordered steps. */
function pageStride(count: number): number {
  return Math.max(10, Math.round(count / 20));
}

/** What a screen reader says for the step of rank `i` of `count`. */
function stepLabel(m: ScatterMark, i: number, count: number): string {
  const p = m.point;
  return `${i + 1} of ${count}: step ${p.t + 1} of trajectory ${p.traj}, iteration ${p.iteration}, ${p.success ? 'solved' : 'failed'}: entropy ${p.entropy.toFixed(3)}, magnitude plain ${p.plain.toFixed(3)}, EMPG ${p.empg.toFixed(3)}`;
}

/** The data attributes that identify a step and its mark (for tests and tools reading the page). */
function markData(m: ScatterMark, rank: number) {
  const p = m.point;
  return {
    'data-lane': p.lane, 'data-iteration': p.iteration, 'data-traj': p.traj, 'data-t': p.t, 'data-entropy': p.entropy,
    'data-magnitude': m.value, 'data-x': m.x.toFixed(1), 'data-y': m.y.toFixed(1), 'data-rank': rank,
  };
}

let nextListboxId = 0;

/**
 * The accessible layer: one focusable element for every step on the chart (the listbox pattern for
 * dense charts). The steps are ordered by entropy as they lie on the x-axis; the arrow keys move one
 * step, Page Up / Page Down a stride, Home / End to either end, Enter or Space opens the active step in
 * the inspector. Only the active step is in the DOM, as the listbox's active descendant, so a new
 * iteration updates one element instead of one per step; the active step keeps its place (or its rank,
 * when a new iteration replaces it).
 */
const StepFocus = memo(function StepFocus({ scene, onFocusStep }: { scene: Scene; onFocusStep(step: UpdatePoint | null): void }) {
  const ordered = useMemo(() => orderedMarks(scene), [scene]);
  // The active step, and its rank to fall back on when a new iteration replaces it.
  const [active, setActive] = useState<{ step: StepSelection; rank: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const [id] = useState(() => `scatter-steps-${++nextListboxId}`);
  const found = active ? ordered.findIndex((m) => sameStep(m.point, active.step)) : -1;
  const activeIndex = found >= 0 ? found : Math.max(0, Math.min(active?.rank ?? 0, ordered.length - 1));
  const mark = ordered[activeIndex];

  // The highlighted mark follows the active step while the listbox has the focus.
  useEffect(() => {
    if (focused) onFocusStep(mark?.point ?? null);
  }, [focused, mark, onFocusStep]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.key === 'Enter' || event.key === ' ') && mark) {
      event.preventDefault();
      selectPoint(mark.point);
      return;
    }
    const stride = pageStride(ordered.length);
    const moves: Record<string, number> = {
      ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, PageDown: stride, PageUp: -stride, Home: -Infinity, End: Infinity,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(ordered.length - 1, activeIndex + moves[event.key]));
    setActive({ step: stepOf(ordered[next].point), rank: next });
  };
  if (!mark) return null;
  const optionId = `${id}-${activeIndex}`;
  return (
    <div className="scatter-steps" role="listbox" tabIndex={0} data-testid="scatter-steps" data-count={ordered.length} aria-activedescendant={optionId}
      aria-label={`${ordered.length} steps on the chart, by entropy. Arrow keys move one step, Page Up and Page Down ${pageStride(ordered.length)}, Home and End to either end; Enter opens a step in the inspector.`}
      onKeyDown={onKeyDown} onFocus={() => setFocused(true)} onBlur={() => { setFocused(false); onFocusStep(null); }}>
      <div key={optionId} id={optionId} role="option" aria-selected="true" data-testid="scatter-active" {...markData(mark, activeIndex)}
        aria-label={stepLabel(mark, activeIndex, ordered.length)} onClick={() => selectPoint(mark.point)} />
    </div>
  );
});

/**
 * Every step of the chart as a list of buttons, in the listbox's order: rendered only while the reader
 * asks for it (the chart's "List" button), so the page does not update a button per step at every
 * iteration.
 */
const StepList = memo(function StepList({ scene }: { scene: Scene }) {
  const ordered = useMemo(() => orderedMarks(scene), [scene]);
  return (
    <ol className="scatter-list" data-testid="scatter-list" aria-label={`${ordered.length} steps on the chart, by entropy`}>
      {ordered.map((m, i) => (
        <li key={i}>
          <button type="button" data-testid="update-point" {...markData(m, i)} onClick={() => selectPoint(m.point)}>
            {stepLabel(m, i, ordered.length)}
          </button>
        </li>
      ))}
    </ol>
  );
});

/**
 * The scatter of one lane. Memoised: it re-renders only when its points, mode or size change; the
 * selection, hover and keyboard focus only repaint the canvas, at most once per animation frame.
 */
export const EntropyGradChart = memo(function EntropyGradChart({ points, magnitude, height, yLabel, extent, listed = false }: EntropyGradChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const font = useRef<string | null>(null);
  const width = useWidth(box);
  // The deferred run's selection, drawn with the deferred run's points.
  const selection = useDeferredRun((s) => s.selection);
  const scene = useMemo(() => buildScene(points, { magnitude, width, height, yLabel, extent }), [points, magnitude, width, height, yLabel, extent]);
  const [hover, setHover] = useState<{ scene: Scene; index: number } | null>(null);
  const [focused, setFocused] = useState<StepSelection | null>(null);
  const hovered = hover?.scene === scene ? scene.marks[hover.index] : undefined;
  const highlight = hovered ?? markOfStep(scene, focused);

  useEffect(() => {
    const element = canvas.current;
    if (!element || width <= 0) return;
    const frame = requestAnimationFrame(() => {
      const ratio = window.devicePixelRatio || 1;
      const pixelsWide = Math.round(width * ratio);
      const pixelsHigh = Math.round(height * ratio);
      if (element.width !== pixelsWide) element.width = pixelsWide;
      if (element.height !== pixelsHigh) element.height = pixelsHigh;
      const context = element.getContext('2d');
      if (!context) return;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      // The font is read once: getComputedStyle after a commit would force a style recalculation per paint.
      font.current ??= getComputedStyle(element).fontFamily;
      paintCanvas(context, sceneShapes(scene, { selection, highlight }), font.current);
    });
    return () => cancelAnimationFrame(frame);
  }, [scene, selection, highlight, width, height]);

  const at = (event: MouseEvent<HTMLCanvasElement>, radius: number) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return nearestMark(scene.marks, event.clientX - rect.left, event.clientY - rect.top, radius);
  };
  const onPointerMove = (event: MouseEvent<HTMLCanvasElement>) => {
    const index = at(event, HOVER_RADIUS);
    if (index < 0) { if (hover) setHover(null); } else if (!hovered || hover?.index !== index) setHover({ scene, index });
  };
  const onClick = (event: MouseEvent<HTMLCanvasElement>) => {
    const index = at(event, CLICK_RADIUS);
    if (index < 0) return;
    selectPoint(scene.marks[index].point);
    revealInspector();
  };
  const onFocusStep = useCallback((point: UpdatePoint | null) => {
    setFocused(point && stepOf(point));
  }, []);

  return (
    <>
    <div className="scatter" ref={box} style={{ height }}>
      <canvas ref={canvas} className={hovered ? 'scatter-canvas pointing' : 'scatter-canvas'} style={{ width: '100%', height }}
        data-testid="scatter-canvas" aria-hidden="true"
        onPointerMove={onPointerMove} onPointerLeave={() => setHover(null)} onClick={onClick} />
      {highlight && width > 0 && <Tooltip mark={highlight} width={width} height={height} />}
      {width > 0 && <StepFocus scene={scene} onFocusStep={onFocusStep} />}
    </div>
    {listed && width > 0 && <StepList scene={scene} />}
    </>
  );
});

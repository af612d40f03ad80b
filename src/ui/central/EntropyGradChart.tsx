/**
 * Entropy against update magnitude, one mark per step of a lane's kept iterations (see scatterScene.ts
 * for the encoding), drawn on a canvas: a thousand marks cost one paint instead of a thousand SVG
 * elements to diff, so a new iteration never blocks the page. Hovering a mark shows its step, clicking
 * selects it everywhere. Every step is also reachable as a visually hidden button — with Tab and the
 * arrow keys, read by screen readers, addressable by tests — that carries its mark's position.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import { useRun, type StepSelection } from '../../store/runStore';
import { useDeferredRun } from '../deferredRun';
import type { MagnitudeMode } from './centralView';
import { paintCanvas } from './scatterPaint';
import { buildScene, markOfStep, nearestMark, orderedMarks, sameStep, sceneShapes, stepWindow, type AxisExtent, type Scene, type ScatterMark } from './scatterScene';
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

/**
 * The accessible layer: every step on the chart, ordered by entropy, reachable with the arrow keys
 * (one step), Page Up / Page Down (a stride) and Home / End. A window of `STEP_WINDOW` buttons around
 * the focused step is rendered; moving the focus slides the window, so no step is out of reach. Buttons
 * are keyed by their place in the window: a new iteration updates them in place (a focused button keeps
 * the focus, now on the step of the same rank) instead of replacing 300 elements.
 */
const StepButtons = memo(function StepButtons({ scene, onFocusStep }: { scene: Scene; onFocusStep(step: UpdatePoint | null): void }) {
  const ordered = useMemo(() => orderedMarks(scene), [scene]);
  // The focused step, and its rank to fall back on when a new iteration replaces it.
  const [active, setActive] = useState<{ step: StepSelection; rank: number } | null>(null);
  const focusPending = useRef(false);
  const group = useRef<HTMLDivElement>(null);
  const found = active ? ordered.findIndex((m) => sameStep(m.point, active.step)) : -1;
  const activeIndex = found >= 0 ? found : Math.max(0, Math.min(active?.rank ?? 0, ordered.length - 1));
  const [start, end] = stepWindow(ordered.length, activeIndex);

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    group.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const stride = pageStride(ordered.length);
    const moves: Record<string, number> = {
      ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, PageDown: stride, PageUp: -stride, Home: -Infinity, End: Infinity,
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(ordered.length - 1, activeIndex + moves[event.key]));
    focusPending.current = true;
    setActive({ step: stepOf(ordered[next].point), rank: next });
  };
  if (!ordered.length) return null;
  return (
    <div className="scatter-steps" role="group" ref={group} onKeyDown={onKeyDown}
      aria-label={`${ordered.length} steps on the chart, by entropy. Arrow keys move one step, Page Up and Page Down ${pageStride(ordered.length)}, Home and End to either end; Enter opens a step in the inspector.`}>
      {ordered.slice(start, end).map((m, offset) => {
        const i = start + offset;
        return (
          <button key={offset} type="button" tabIndex={i === activeIndex ? 0 : -1}
            data-testid="update-point" data-lane={m.point.lane} data-iteration={m.point.iteration} data-traj={m.point.traj} data-t={m.point.t}
            data-entropy={m.point.entropy} data-magnitude={m.value} data-x={m.x.toFixed(1)} data-y={m.y.toFixed(1)} data-rank={i}
            aria-label={`${i + 1} of ${ordered.length}: step ${m.point.t + 1} of trajectory ${m.point.traj}, iteration ${m.point.iteration}, ${m.point.success ? 'solved' : 'failed'}: entropy ${m.point.entropy.toFixed(3)}, magnitude plain ${m.point.plain.toFixed(3)}, EMPG ${m.point.empg.toFixed(3)}`}
            onClick={() => selectPoint(m.point)}
            onFocus={() => { if (i !== activeIndex) setActive({ step: stepOf(m.point), rank: i }); onFocusStep(m.point); }}
            onBlur={() => onFocusStep(null)} />
        );
      })}
    </div>
  );
});

/**
 * The scatter of one lane. Memoised: it re-renders only when its points, mode or size change; the
 * selection, hover and keyboard focus only repaint the canvas, at most once per animation frame.
 */
export const EntropyGradChart = memo(function EntropyGradChart({ points, magnitude, height, yLabel, extent }: EntropyGradChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
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
      paintCanvas(context, sceneShapes(scene, { selection, highlight }), getComputedStyle(element).fontFamily);
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
    <div className="scatter" ref={box} style={{ height }}>
      <canvas ref={canvas} className={hovered ? 'scatter-canvas pointing' : 'scatter-canvas'} style={{ width: '100%', height }}
        data-testid="scatter-canvas" aria-hidden="true"
        onPointerMove={onPointerMove} onPointerLeave={() => setHover(null)} onClick={onClick} />
      {highlight && width > 0 && <Tooltip mark={highlight} width={width} height={height} />}
      {width > 0 && <StepButtons scene={scene} onFocusStep={onFocusStep} />}
    </div>
  );
});

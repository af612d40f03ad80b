import { describe, expect, it } from 'vitest';
import { paintCanvas, svgDocument, type PaintContext } from './scatterPaint';
import { buildScene, orderedMarks, pointsExtent, unionExtent, markOfStep, nearestMark, niceAxis, sceneShapes, xPixel, yPixel, type Shape } from './scatterScene';
import type { UpdatePoint } from './updatePoints';

function point(traj: number, t: number, entropy: number, plain: number, empg: number, extra: Partial<UpdatePoint> = {}): UpdatePoint {
  return {
    lane: 0, iteration: 3, traj, t, action: `go ${traj}.${t}`, success: traj % 2 === 0, entropy, plain, empg,
    plainPositive: true, empgPositive: plain >= empg, latest: true, ...extra,
  };
}

const size = { width: 400, height: 260, yLabel: '|A|·‖e_a − p‖' };

describe('niceAxis', () => {
  it('ends on a round number with 1, 2, 2.5 or 5 × 10^k steps', () => {
    expect(niceAxis(0.93)).toMatchObject({ max: 1, step: 0.2 });
    expect(niceAxis(1.41)).toMatchObject({ max: 1.5, step: 0.5 });
    expect(niceAxis(0.0031)).toMatchObject({ max: 0.004, step: 0.001, digits: 3 });
    expect(niceAxis(12)).toMatchObject({ max: 12.5, step: 2.5, digits: 1 });
    expect(niceAxis(1)).toMatchObject({ max: 1, step: 0.2 });
  });

  it('gives an empty or broken axis the range 0–1', () => {
    expect(niceAxis(0).max).toBe(1);
    expect(niceAxis(Number.NaN).max).toBe(1);
  });
});

describe('buildScene', () => {
  const points = [point(0, 0, 0.2, 0.5, 0.8), point(1, 1, 0.6, 1.2, 0.3)];

  it('puts x = entropy and y = magnitude inside the plot, 0 at the lower left', () => {
    const scene = buildScene(points, { ...size, magnitude: 'empg' });
    const { layout } = scene;
    expect(xPixel(layout, 0)).toBe(layout.left);
    expect(yPixel(layout, 0)).toBe(layout.bottom);
    for (const m of scene.marks) {
      expect(m.x).toBeGreaterThanOrEqual(layout.left);
      expect(m.x).toBeLessThanOrEqual(layout.right);
      expect(m.y).toBeGreaterThanOrEqual(layout.top);
      expect(m.y).toBeLessThanOrEqual(layout.bottom);
    }
    expect(scene.marks[0].x).toBeLessThan(scene.marks[1].x);
    expect(scene.marks[0].y).toBeLessThan(scene.marks[1].y); // 0.8 sits higher than 0.3
  });

  it('draws one mark per step and series, plain below EMPG, and fits the axis to what is shown', () => {
    const both = buildScene(points, { ...size, magnitude: 'both' });
    expect(both.marks.map((m) => m.series)).toEqual(['plain', 'plain', 'empg', 'empg']);
    expect(both.layout.yMax).toBe(1.25);
    expect(buildScene(points, { ...size, magnitude: 'empg' }).layout.yMax).toBe(0.8);
    expect(buildScene(points, { ...size, magnitude: 'plain' }).marks.every((m) => m.series === 'plain')).toBe(true);
  });

  it('leaves room for a title and a legend in an exported picture', () => {
    const plain = buildScene(points, { ...size, magnitude: 'both' }).layout;
    const framed = buildScene(points, { ...size, magnitude: 'both', title: 'T', legend: true }).layout;
    expect(framed.top).toBeGreaterThan(plain.top);
    expect(framed.bottom).toBeLessThan(plain.bottom);
  });
});

describe('hit-testing', () => {
  it('finds the nearest mark within the radius, and the one on top when marks coincide', () => {
    const scene = buildScene([point(0, 0, 0.2, 0.5, 0.5), point(1, 1, 0.6, 1.2, 0.3)], { ...size, magnitude: 'both' });
    const [plain0, , empg0] = scene.marks;
    expect(nearestMark(scene.marks, plain0.x + 3, plain0.y - 2)).toBe(2); // plain and EMPG of step 0 coincide: EMPG is on top
    expect(scene.marks[nearestMark(scene.marks, empg0.x, empg0.y)].series).toBe('empg');
    expect(nearestMark(scene.marks, empg0.x + 40, empg0.y + 40)).toBe(-1);
  });

  it('the step a selection names is found by its primary mark', () => {
    const scene = buildScene([point(0, 0, 0.2, 0.5, 0.7)], { ...size, magnitude: 'both' });
    const mark = markOfStep(scene, { lane: 0, iteration: 3, traj: 0, t: 0 });
    expect(mark?.series).toBe('empg');
    expect(markOfStep(scene, { lane: 0, iteration: 2, traj: 0, t: 0 })).toBeUndefined();
  });
});

describe('shared axes', () => {
  it('measures the shown magnitudes and lets a shared extent widen the axes, never narrow them', () => {
    const points = [point(0, 0, 0.3, 0.5, 0.9), point(1, 0, 0.6, 0.7, 0.2)];
    expect(pointsExtent(points, 'plain')).toEqual({ entropy: 0.6, magnitude: 0.7 });
    expect(pointsExtent(points, 'empg')).toEqual({ entropy: 0.6, magnitude: 0.9 });
    expect(unionExtent([{ entropy: 0.6, magnitude: 0.9 }, { entropy: 1.3, magnitude: 0.4 }])).toEqual({ entropy: 1.3, magnitude: 0.9 });
    const own = buildScene(points, { ...size, magnitude: 'both' });
    const wide = buildScene(points, { ...size, magnitude: 'both', extent: { entropy: 1.3, magnitude: 1.8 } });
    const narrow = buildScene(points, { ...size, magnitude: 'both', extent: { entropy: 0.1, magnitude: 0.1 } });
    expect(own.layout.yMax).toBe(1);
    expect([wide.layout.xMax, wide.layout.yMax]).toEqual([1.5, 2]);
    expect([narrow.layout.xMax, narrow.layout.yMax]).toEqual([own.layout.xMax, own.layout.yMax]);
  });
});

describe('orderedMarks', () => {
  it('orders one mark per step by entropy, every iteration kept', () => {
    const points = [
      point(0, 0, 0.9, 1, 1, { iteration: 1, latest: false }),
      point(0, 0, 0.5, 1, 1, { iteration: 2 }),
      point(1, 0, 0.1, 1, 1, { iteration: 2 }),
    ];
    const scene = buildScene(points, { ...size, magnitude: 'both' });
    expect(orderedMarks(scene).map((m) => m.point.entropy)).toEqual([0.1, 0.5, 0.9]);
    expect(orderedMarks(scene).every((m) => m.series === 'empg')).toBe(true);
  });

});

describe('painting', () => {
  const scene = buildScene([point(0, 0, 0.2, 0.5, 0.8), point(1, 1, 0.6, 1.2, 0.3, { empgPositive: false })], { ...size, magnitude: 'both', title: 'A & B <title>', legend: true });
  const shapes = sceneShapes(scene, { selection: { lane: 0, iteration: 3, traj: 1, t: 1 } });

  it('has axes, links, every mark and a ring around the selection', () => {
    expect(shapes.filter((s) => s.kind === 'mark').length).toBeGreaterThanOrEqual(4);
    expect(shapes.filter((s) => s.kind === 'ring')).toHaveLength(1);
    expect(shapes.some((s) => s.kind === 'text' && s.text === 'step entropy H_t (nats)')).toBe(true);
    expect(shapes.some((s) => s.kind === 'text' && s.text === size.yLabel && s.rotate)).toBe(true);
  });

  it('writes a well-formed SVG document with escaped text', () => {
    const svg = svgDocument(shapes, 400, 260, 'system-ui, "Segoe UI"');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="260"')).toBe(true);
    expect(svg).toContain('A &amp; B &lt;title&gt;');
    expect(svg).toContain('font-family="system-ui, &quot;Segoe UI&quot;"');
    expect(svg.match(/<circle /g)?.length).toBeGreaterThanOrEqual(3);
    expect(svg).toMatch(/<path d="M[\d.,ML-]+Z" fill=/); // the triangle of the negative EMPG advantage
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('paints every shape with its own colours, widths, alpha and dash, and leaves the context as it found it', () => {
    // A context that keeps a state stack like a canvas and records the state in force at every draw.
    const initial = { fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1, globalAlpha: 1, dash: '', font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic', moved: 0 };
    let state = { ...initial };
    const stack: (typeof initial)[] = [];
    const draws: { op: string; state: typeof initial }[] = [];
    const draw = (op: string) => () => { draws.push({ op, state: { ...state } }); };
    const methods: Record<string, (...args: never[]) => void> = {
      save: () => { stack.push({ ...state }); },
      restore: () => { state = stack.pop() ?? state; },
      setLineDash: (d: number[]) => { state.dash = d.join(' '); },
      translate: () => { state.moved++; },
      rotate: () => { state.moved++; },
      fill: draw('fill'), stroke: draw('stroke'), fillRect: draw('fillRect'), fillText: draw('fillText'),
    };
    const context = new Proxy({} as Record<string, unknown>, {
      get: (_target, name: string) => methods[name] ?? (name in state ? state[name as keyof typeof state] : () => {}),
      set: (_target, name: string, value) => { (state as Record<string, unknown>)[name] = value; return true; },
    }) as unknown as PaintContext;
    // The scene, then shapes in an order where each one follows a shape that set a different state.
    const faint = { kind: 'mark', shape: 'triangle', x: 5, y: 5, r: 4, fill: '#c2412d', fillOpacity: 0.3, stroke: '#c2412d', strokeWidth: 1.4, strokeOpacity: 0.4 } as const;
    const extra: Shape[] = [faint, { kind: 'rect', x: 0, y: 0, w: 1, h: 1, fill: '#ffffff' }, faint,
      { kind: 'ring', x: 1, y: 1, r: 8, stroke: '#2f5bea', width: 1.5, dash: [3, 2] }, faint,
      { kind: 'lines', segments: [0, 0, 1, 1], stroke: '#e3e7ee', width: 1, dash: [3, 3] }, faint,
      { kind: 'ring', x: 1, y: 1, r: 10, stroke: '#17202e', width: 2 }, faint,
      { kind: 'text', x: 1, y: 1, text: 'a', size: 11, fill: '#5b6678', align: 'end', baseline: 'middle', rotate: true }, faint];
    const painted = [...shapes, ...extra];
    paintCanvas(context, painted, 'sans-serif');

    // In drawing order, the state each shape's draws need: its own, the context's initial one elsewhere.
    const expected: { op: string; state: Partial<typeof initial> }[] = [];
    for (const sh of painted) {
      if (sh.kind === 'rect') expected.push({ op: 'fillRect', state: { fillStyle: sh.fill, globalAlpha: 1 } });
      if (sh.kind === 'lines') expected.push({ op: 'stroke', state: { strokeStyle: sh.stroke, lineWidth: sh.width, globalAlpha: sh.opacity ?? 1, dash: sh.dash?.join(' ') ?? '' } });
      if (sh.kind === 'mark') expected.push(
        { op: 'fill', state: { fillStyle: sh.fill, globalAlpha: sh.fillOpacity } },
        { op: 'stroke', state: { strokeStyle: sh.stroke, lineWidth: sh.strokeWidth, globalAlpha: sh.strokeOpacity, dash: '' } });
      if (sh.kind === 'ring') expected.push({ op: 'stroke', state: { strokeStyle: sh.stroke, lineWidth: sh.width, globalAlpha: 1, dash: sh.dash?.join(' ') ?? '' } });
      if (sh.kind === 'text') expected.push({ op: 'fillText', state: { fillStyle: sh.fill, globalAlpha: 1, textBaseline: sh.baseline, moved: sh.rotate ? 2 : 1 } });
    }
    expect(draws.map((d) => d.op)).toEqual(expected.map((e) => e.op));
    draws.forEach((d, i) => expect(d.state).toMatchObject(expected[i].state));
    expect(draws.filter((d) => d.op === 'fillText').every((d) => /^(700 )?\d+px sans-serif$/.test(d.state.font))).toBe(true);
    expect(state).toEqual(initial);
    expect(stack).toHaveLength(0);
  });
});

/**
 * Painting the scatter's shapes (scatterScene.ts) two ways: onto a 2D canvas — the page and the PNG
 * export — and as an SVG document for the SVG export. Both read the same shape list, so the downloads
 * look like the screen.
 */
import type { Shape } from './scatterScene';

/** The subset of the canvas 2D context the painter uses (so a test can pass a recorder). */
export type PaintContext = Pick<CanvasRenderingContext2D,
  'save' | 'restore' | 'beginPath' | 'moveTo' | 'lineTo' | 'closePath' | 'arc' | 'fill' | 'stroke' | 'fillRect' |
  'fillText' | 'translate' | 'rotate' | 'setLineDash' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'globalAlpha' |
  'font' | 'textAlign' | 'textBaseline'>;

const CANVAS_ALIGN = { start: 'left', middle: 'center', end: 'right' } as const;
const SVG_BASELINE = { top: 'hanging', middle: 'central', bottom: 'alphabetic' } as const;

function markPath(ctx: PaintContext, shape: 'circle' | 'triangle', x: number, y: number, r: number): void {
  ctx.beginPath();
  if (shape === 'circle') ctx.arc(x, y, r, 0, Math.PI * 2);
  else {
    ctx.moveTo(x - r, y - r * 0.8);
    ctx.lineTo(x + r, y - r * 0.8);
    ctx.lineTo(x, y + r);
    ctx.closePath();
  }
}

/**
 * Paints the shapes onto a canvas context already scaled to CSS pixels. Every shape is drawn with the
 * context's own state except what the shape sets (alpha 1, no dash unless it says so), and the context
 * is left as it was found. A state is set only when it differs from the one in force: a scene has
 * hundreds of marks in a few styles, and every `save`/`restore` or colour string costs the page's thread.
 */
export function paintCanvas(ctx: PaintContext, shapes: readonly Shape[], fontFamily: string): void {
  ctx.save();
  // What this function last set; undefined: the context's own (initial) value, not known here.
  let alpha: number | undefined;
  let fill: CanvasRenderingContext2D['fillStyle'] | undefined;
  let stroke: CanvasRenderingContext2D['strokeStyle'] | undefined;
  let width: number | undefined;
  let dash: string | undefined;
  const setAlpha = (v: number) => { if (alpha !== v) ctx.globalAlpha = alpha = v; };
  const setFill = (v: string) => { if (fill !== v) ctx.fillStyle = fill = v; };
  const setStroke = (v: string, w: number) => {
    if (stroke !== v) ctx.strokeStyle = stroke = v;
    if (width !== w) ctx.lineWidth = width = w;
  };
  const setDash = (v: readonly number[] | undefined) => {
    const key = v?.join(' ') ?? '';
    if (dash !== key) { ctx.setLineDash(v ? [...v] : []); dash = key; }
  };
  for (const s of shapes) {
    switch (s.kind) {
      case 'rect':
        setAlpha(1);
        setFill(s.fill);
        ctx.fillRect(s.x, s.y, s.w, s.h);
        break;
      case 'lines':
        setStroke(s.stroke, s.width);
        setAlpha(s.opacity ?? 1);
        setDash(s.dash);
        ctx.beginPath();
        for (let i = 0; i + 3 < s.segments.length; i += 4) {
          ctx.moveTo(s.segments[i], s.segments[i + 1]);
          ctx.lineTo(s.segments[i + 2], s.segments[i + 3]);
        }
        ctx.stroke();
        break;
      case 'mark':
        markPath(ctx, s.shape, s.x, s.y, s.r);
        setAlpha(s.fillOpacity);
        setFill(s.fill);
        ctx.fill();
        setAlpha(s.strokeOpacity);
        setStroke(s.stroke, s.strokeWidth);
        setDash(undefined);
        ctx.stroke();
        break;
      case 'ring':
        setAlpha(1);
        setDash(s.dash);
        markPath(ctx, 'circle', s.x, s.y, s.r);
        setStroke(s.stroke, s.width);
        ctx.stroke();
        break;
      case 'text':
        // Few of them, and they move the origin: each keeps its own state.
        setAlpha(1);
        ctx.save();
        ctx.font = `${s.bold ? '700 ' : ''}${s.size}px ${fontFamily}`;
        ctx.fillStyle = s.fill;
        ctx.textAlign = CANVAS_ALIGN[s.align];
        ctx.textBaseline = s.baseline;
        ctx.translate(s.x, s.y);
        if (s.rotate) ctx.rotate(-Math.PI / 2);
        ctx.fillText(s.text, 0, 0);
        ctx.restore();
        break;
    }
  }
  ctx.restore();
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => String(Math.round(v * 100) / 100);

/** The shapes as a stand-alone SVG document of the given size. */
export function svgDocument(shapes: readonly Shape[], width: number, height: number, fontFamily: string): string {
  const body: string[] = [];
  for (const s of shapes) {
    switch (s.kind) {
      case 'rect':
        body.push(`<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.w)}" height="${n(s.h)}" fill="${s.fill}"/>`);
        break;
      case 'lines': {
        let d = '';
        for (let i = 0; i + 3 < s.segments.length; i += 4) d += `M${n(s.segments[i])},${n(s.segments[i + 1])}L${n(s.segments[i + 2])},${n(s.segments[i + 3])}`;
        if (d) body.push(`<path d="${d}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}"${s.opacity !== undefined ? ` stroke-opacity="${s.opacity}"` : ''}${s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : ''}/>`);
        break;
      }
      case 'mark': {
        const paint = `fill="${s.fill}" fill-opacity="${s.fillOpacity}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}" stroke-opacity="${s.strokeOpacity}"`;
        body.push(s.shape === 'circle'
          ? `<circle cx="${n(s.x)}" cy="${n(s.y)}" r="${s.r}" ${paint}/>`
          : `<path d="M${n(s.x - s.r)},${n(s.y - s.r * 0.8)}L${n(s.x + s.r)},${n(s.y - s.r * 0.8)}L${n(s.x)},${n(s.y + s.r)}Z" ${paint}/>`);
        break;
      }
      case 'ring':
        body.push(`<circle cx="${n(s.x)}" cy="${n(s.y)}" r="${s.r}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : ''}/>`);
        break;
      case 'text':
        body.push(`<text x="${n(s.x)}" y="${n(s.y)}" font-size="${s.size}"${s.bold ? ' font-weight="700"' : ''} fill="${s.fill}" text-anchor="${s.align}" dominant-baseline="${SVG_BASELINE[s.baseline]}"${s.rotate ? ` transform="rotate(-90 ${n(s.x)} ${n(s.y)})"` : ''}>${escapeXml(s.text)}</text>`);
        break;
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(fontFamily)}">${body.join('')}</svg>`;
}

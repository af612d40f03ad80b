/** Small SVG line charts with bands, written as text (the figures of docs/RESULTS.md). */

/** One line with an optional band (e.g. mean ± sd across seeds); null values leave gaps. */
export interface SvgSeries {
  label: string;
  colour: string;
  values: (number | null)[];
  low?: (number | null)[];
  high?: (number | null)[];
  dash?: string;
}

/** A chart: title, axis labels, series on a shared x of 1…n. */
export interface SvgChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: SvgSeries[];
  /** A fixed y range; otherwise fitted to the data. */
  yDomain?: [number, number];
}

const W = 560;
const H = 300;
const M = { left: 56, right: 150, top: 30, bottom: 40 };

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const num = (v: number) => Number(v.toFixed(2));

/** The chart as a standalone SVG document. */
export function lineChartSvg(chart: SvgChart): string {
  const n = Math.max(1, ...chart.series.map((s) => s.values.length));
  const all = chart.series.flatMap((s) => [...s.values, ...(s.low ?? []), ...(s.high ?? [])]).filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = chart.yDomain?.[0] ?? Math.min(0, ...all);
  let hi = chart.yDomain?.[1] ?? Math.max(...all, 1e-9);
  if (hi <= lo) hi = lo + 1;
  if (!chart.yDomain) hi += (hi - lo) * 0.05;
  const x = (i: number) => M.left + (n === 1 ? 0 : (i / (n - 1)) * (W - M.left - M.right));
  const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const path = (values: (number | null)[]) => {
    let d = '';
    let pen = false;
    values.forEach((v, i) => {
      if (v === null || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${num(x(i))},${num(y(v))}`;
      pen = true;
    });
    return d;
  };
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${M.left}" y="18" font-size="13" font-weight="bold">${esc(chart.title)}</text>`);
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${num(y(v))}" y2="${num(y(v))}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${M.left - 6}" y="${num(y(v)) + 4}" text-anchor="end">${Number(v.toPrecision(3))}</text>`);
  }
  for (const i of [0, Math.floor((n - 1) / 2), n - 1]) parts.push(`<text x="${num(x(i))}" y="${H - M.bottom + 16}" text-anchor="middle">${i + 1}</text>`);
  parts.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 6}" text-anchor="middle">${esc(chart.xLabel)}</text>`);
  parts.push(`<text transform="translate(14 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${esc(chart.yLabel)}</text>`);
  chart.series.forEach((s, k) => {
    if (s.low && s.high) {
      const points: string[] = [];
      s.high.forEach((v, i) => { if (v !== null && s.low![i] !== null) points.push(`${num(x(i))},${num(y(v))}`); });
      for (let i = s.low.length - 1; i >= 0; i--) if (s.low[i] !== null && s.high[i] !== null) points.push(`${num(x(i))},${num(y(s.low[i]!))}`);
      if (points.length > 2) parts.push(`<polygon points="${points.join(' ')}" fill="${s.colour}" fill-opacity="0.15" stroke="none"/>`);
    }
    parts.push(`<path d="${path(s.values)}" fill="none" stroke="${s.colour}" stroke-width="1.8"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    const ly = M.top + 14 + k * 16;
    parts.push(`<line x1="${W - M.right + 10}" x2="${W - M.right + 30}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`);
    parts.push(`<text x="${W - M.right + 34}" y="${ly}">${esc(s.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

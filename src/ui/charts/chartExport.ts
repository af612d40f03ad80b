/**
 * A chart as a stand-alone picture: the SVG recharts drew, with its title, a white background and the
 * page's font written in, so it looks the same in a slide or a paper; PNG at twice the screen size.
 */
import { downloadFile } from '../io/download';

const TITLE_HEIGHT = 28;

/** The chart's SVG as a self-contained document (title on top), or null if the chart has not drawn. */
export function chartSvgText(figure: HTMLElement, title: string): { text: string; width: number; height: number } | null {
  const drawn = figure.querySelector('svg.recharts-surface');
  if (!(drawn instanceof SVGSVGElement)) return null;
  const width = drawn.width.baseVal.value || drawn.clientWidth;
  const chartHeight = drawn.height.baseVal.value || drawn.clientHeight;
  const height = chartHeight + TITLE_HEIGHT;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('xmlns', ns);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('font-family', getComputedStyle(figure).fontFamily);
  const background = document.createElementNS(ns, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  const heading = document.createElementNS(ns, 'text');
  heading.setAttribute('x', '8');
  heading.setAttribute('y', '19');
  heading.setAttribute('font-size', '15');
  heading.setAttribute('font-weight', '700');
  heading.setAttribute('fill', '#17202e');
  heading.textContent = title;
  const body = document.createElementNS(ns, 'g');
  body.setAttribute('transform', `translate(0 ${TITLE_HEIGHT})`);
  for (const child of Array.from(drawn.childNodes)) body.append(child.cloneNode(true));
  svg.append(background, heading, body);
  return { text: new XMLSerializer().serializeToString(svg), width, height };
}

/** Downloads the chart as SVG. */
export function downloadChartSvg(figure: HTMLElement, title: string, name: string): void {
  const svg = chartSvgText(figure, title);
  if (svg) downloadFile(`${name}.svg`, svg.text, 'image/svg+xml');
}

/** Downloads the chart as PNG, drawn from its SVG at twice the size. */
export async function downloadChartPng(figure: HTMLElement, title: string, name: string): Promise<void> {
  const svg = chartSvgText(figure, title);
  if (!svg) return;
  const scale = 2;
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = svg.width * scale;
    canvas.height = svg.height * scale;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (blob) downloadFile(`${name}.png`, blob, 'image/png');
  } finally {
    URL.revokeObjectURL(url);
  }
}

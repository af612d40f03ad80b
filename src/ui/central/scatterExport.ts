/**
 * The central scatter as a picture for a slide or a paper: the same shapes as on screen, with a title on
 * top and the legend underneath, as an SVG document or as a PNG painted on a canvas at twice the size.
 */
import type { StepSelection } from '../../store/runStore';
import { downloadFile } from '../io/download';
import type { MagnitudeMode } from './centralView';
import { paintCanvas, svgDocument } from './scatterPaint';
import { buildScene, sceneShapes, type AxisExtent, type Shape } from './scatterScene';
import type { UpdatePoint } from './updatePoints';

/** What an exported scatter shows. */
export interface ScatterPicture {
  points: UpdatePoint[];
  magnitude: MagnitudeMode;
  yLabel: string;
  title: string;
  selection: StepSelection | null;
  /** Size of the plot on screen (the picture is at least 560 × 320 and adds its title and legend bands). */
  width: number;
  height: number;
  /** Axes shared with the other lanes (see `SceneOptions.extent`). */
  extent?: AxisExtent;
}

const EXTRA_HEIGHT = 28 + 24;
/** The smallest plot a picture gets, whatever the screen: room for the title and the legend, and a slide's proportions. */
const MIN_WIDTH = 560;
const MIN_HEIGHT = 320;

function pictureShapes(picture: ScatterPicture): { shapes: Shape[]; width: number; height: number } {
  const width = Math.max(MIN_WIDTH, Math.round(picture.width));
  const height = Math.max(MIN_HEIGHT, Math.round(picture.height)) + EXTRA_HEIGHT;
  const scene = buildScene(picture.points, { magnitude: picture.magnitude, width, height, yLabel: picture.yLabel, title: picture.title, legend: true, extent: picture.extent });
  return { shapes: sceneShapes(scene, { selection: picture.selection }), width, height };
}

/** The scatter as an SVG document. */
export function scatterSvgText(picture: ScatterPicture, fontFamily: string): string {
  const { shapes, width, height } = pictureShapes(picture);
  return svgDocument(shapes, width, height, fontFamily);
}

/** Downloads the scatter as SVG. */
export function downloadScatterSvg(picture: ScatterPicture, fontFamily: string, name: string): void {
  downloadFile(`${name}.svg`, scatterSvgText(picture, fontFamily), 'image/svg+xml');
}

/** Downloads the scatter as PNG, painted at twice its screen size. */
export async function downloadScatterPng(picture: ScatterPicture, fontFamily: string, name: string): Promise<void> {
  const { shapes, width, height } = pictureShapes(picture);
  const scale = 2;
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.scale(scale, scale);
  paintCanvas(context, shapes, fontFamily);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob) downloadFile(`${name}.png`, blob, 'image/png');
}

/**
 * The built site is a static folder that works from any sub-path and with no network: every request
 * is answered from dist/ under a made-up sub-path, and anything else — another origin, the site root —
 * is refused. The page must load, train on its own wasm binaries and show its recording.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import type { Route } from '@playwright/test';
import { test, expect, waitForBackend } from './fixtures';

const DIST = resolve('dist');
const ORIGIN = 'http://localhost:4999';
const SUB_PATH = '/courses/rl-2026/empg/';
const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf',
};

/** Answers a request under the sub-path from dist/; refuses everything else, as an offline machine would. */
async function serveFromDist(route: Route, refused: string[]) {
  const url = new URL(route.request().url());
  if (url.origin !== ORIGIN || !url.pathname.startsWith(SUB_PATH)) {
    refused.push(route.request().url());
    return route.abort('internetdisconnected');
  }
  const relative = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
  const file = normalize(join(DIST, relative));
  if (!file.startsWith(DIST) || !(await stat(file).catch(() => null))?.isFile()) return route.fulfill({ status: 404, body: 'not found' });
  return route.fulfill({ status: 200, body: await readFile(file), contentType: TYPES[extname(file)] ?? 'application/octet-stream' });
}

test('the built site runs from a sub-path with no network: recording, backend, one live iteration', async ({ page, context }) => {
  test.setTimeout(240_000);
  const refused: string[] = [];
  await context.route('**/*', (route) => serveFromDist(route, refused));

  // A link without run settings opens the shipped recording; a smaller run then trains live.
  await page.goto(`${ORIGIN}${SUB_PATH}#backend=wasm`);
  await expect(page.getByTestId('recording-mark')).toBeVisible({ timeout: 60_000 });
  expect(await waitForBackend(page)).toBe('wasm');
  await page.evaluate(() => { window.location.hash = '#backend=wasm&B=2&G=2&steps=10'; });
  await expect(page.getByTestId('recording-mark')).toHaveCount(0);
  await page.getByTestId('step-once').click();
  await expect(page.getByTestId('iteration')).toHaveText('1', { timeout: 180_000 });
  await expect(page.getByTestId('success-rate')).toHaveText(/^\d\.\d\d$/);
  expect(refused, 'requests outside the sub-path').toEqual([]);
});

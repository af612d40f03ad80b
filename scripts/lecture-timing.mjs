#!/usr/bin/env node
// How far a link trains in the browser in a given time: serves the built site, opens the link in
// headless Chromium, presses Play and records, every 2 s, the iteration counter and the latest success
// rate, for --seconds of training (counted from Play). A measurement, not a test: it prints numbers.
//
//   node scripts/lecture-timing.mjs                      # the lecture link, 120 s, existing dist/
//   node scripts/lecture-timing.mjs --hash 'backend=wasm&B=8&G=8' --seconds 60 --build
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { numberFlag, readFlags } from './lib/args.mjs';
import { serveDist, waitForServer } from './lib/serve.mjs';

const flags = readFlags(process.argv.slice(2), { hash: { type: 'string' }, seconds: { type: 'string' }, build: { type: 'boolean' } },
  'usage: node scripts/lecture-timing.mjs [--hash TEXT] [--seconds S] [--build]');
const options = {
  hash: (flags.hash ?? 'backend=wasm&env=webshop&B=4&G=8&lr=0.003&algo=grpo+empg').replace(/^#/, ''),
  seconds: numberFlag(flags, 'seconds', 120), build: Boolean(flags.build),
};

const { origin, server, stop } = await serveDist(resolve('dist'), options.build);
let browser;
try {
  await waitForServer(origin, server);
  browser = await launchChromium('off');
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${origin}#${options.hash}`);
  await page.getByTestId('backend').filter({ hasText: /^(webgpu|webgl|wasm|cpu)$/ }).waitFor({ timeout: 120_000 });
  const backend = (await page.getByTestId('backend').textContent()).trim();
  await page.getByTestId('play').click();
  const started = Date.now();
  const samples = [];
  while (Date.now() - started < options.seconds * 1000) {
    await page.waitForTimeout(2000);
    const iteration = Number(await page.getByTestId('iteration').textContent());
    const success = (await page.getByTestId('success-rate').textContent()).trim();
    if (samples.at(-1)?.iteration !== iteration) samples.push({ s: Math.round((Date.now() - started) / 1000), iteration, success });
  }
  const last = samples.at(-1);
  console.log(JSON.stringify({ hash: options.hash, backend, seconds: options.seconds, iterations: last?.iteration ?? 0, loadavg: loadavg().map((x) => +x.toFixed(1)), samples }));
} finally {
  await browser?.close();
  stop();
}

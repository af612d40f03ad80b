#!/usr/bin/env node
// Browser soak: the built playground trains for a long time in headless Chromium (30 minutes by default)
// while this script samples, every minute, the JS heap of the page and of the training worker (Chrome
// DevTools Protocol), the page's DOM nodes and event listeners, TF.js's tensor count (the `tfjs/num_tensors` column of the page's own metrics
// export) and the page's main-thread long tasks (over 50 ms). A script, not a test: it prints the
// figures and fails (exit 1) only if the tensor count grows after the first sample or training stops.
//
//   npm run soak:browser                                  # build, then 30 minutes
//   npm run soak:browser -- --no-build --minutes 5 --every 30
//   npm run soak:browser -- --hash 'backend=wasm&B=2&G=4&steps=8'
//   npm run soak:browser -- --minutes 10 --snapshots runs/heap   # page heap snapshots, first and last sample
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { numberFlag, readFlags } from './lib/args.mjs';
import { serveDist, waitForServer } from './lib/serve.mjs';

const HELP = `usage: npm run soak:browser -- [options]
  --minutes M      how long to train (default 30)
  --every S        seconds between samples (default 60)
  --hash TEXT      the page's URL hash (default backend=wasm&B=2&G=4&steps=8&speed=iteration)
  --no-build       use the existing dist/ instead of running vite build
  --dist DIR       serve this folder instead of dist/ (implies --no-build)
  --no-gc          sample the heaps as they are (by default a garbage collection is forced first)
  --snapshots DIR  write the page's heap snapshot at the first and the last sample into DIR
  --json           print the samples as one JSON object as well`;

function parseOptions(argv) {
  const flags = readFlags(argv, {
    minutes: { type: 'string' }, every: { type: 'string' }, hash: { type: 'string' }, 'no-build': { type: 'boolean' },
    dist: { type: 'string' }, 'no-gc': { type: 'boolean' }, snapshots: { type: 'string' }, json: { type: 'boolean' },
  }, HELP);
  const options = {
    minutes: numberFlag(flags, 'minutes', 30), every: numberFlag(flags, 'every', 60),
    hash: (flags.hash ?? 'backend=wasm&B=2&G=4&steps=8&speed=iteration').replace(/^#/, ''),
    build: !flags['no-build'] && flags.dist === undefined, dist: flags.dist ?? 'dist', json: Boolean(flags.json),
    gc: !flags['no-gc'], snapshots: flags.snapshots ?? null,
  };
  if (!(options.minutes > 0) || !(options.every >= 5)) throw new Error('--minutes must be > 0 and --every ≥ 5');
  return options;
}

/** Runs in the page before its own scripts: counts main-thread tasks over 50 ms. */
function observe() {
  const found = { count: 0, totalMs: 0, maxMs: 0 };
  window.__soakLongTasks = found;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      found.count++;
      found.totalMs += entry.duration;
      found.maxMs = Math.max(found.maxMs, entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
}

/** Writes the page's heap snapshot (DevTools protocol, streamed in chunks) to `file`. */
async function heapSnapshot(cdp, file) {
  const out = createWriteStream(file);
  const onChunk = ({ chunk }) => out.write(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
    await new Promise((done) => out.end(done));
  }
}

/**
 * The training worker's JS heap through the page's DevTools session: attach to the worker target and ask
 * `Runtime.getHeapUsage` (messages wrapped in Target.sendMessageToTarget), after a full garbage
 * collection when `gc` (each reply awaited in turn). Resolves null if unavailable.
 */
async function workerHeap(cdp, gc) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const workers = targetInfos.filter((t) => t.type === 'worker');
  const worker = workers.find((t) => /trainer/.test(`${t.title} ${t.url}`)) ?? workers[0];
  if (!worker) return null;
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 0;
  const ask = (method) => new Promise((done) => {
    const id = ++nextId;
    const onMessage = (event) => {
      if (event.sessionId !== sessionId) return;
      const message = JSON.parse(event.message);
      if (message.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      done(message.result ?? null);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
    void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  });
  try {
    if (gc) await ask('HeapProfiler.collectGarbage');
    return (await ask('Runtime.getHeapUsage'))?.usedSize ?? null;
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
  }
}

/** The last line of the page's metrics export (JSON lines), or null before the first iteration. */
async function lastMetrics(page) {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-jsonl').click();
  const chunks = await (await (await download).createReadStream()).toArray();
  const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n').filter(Boolean);
  return lines.length ? JSON.parse(lines.at(-1)) : null;
}

const mb = (bytes) => (bytes == null ? null : Math.round((bytes / 2 ** 20) * 10) / 10);

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const { origin, server, stop: stopServer } = await serveDist(resolve(options.dist), options.build);
  let browser;
  try {
    await waitForServer(origin, server);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
    await page.addInitScript(observe);
    await page.goto(`${origin}#${options.hash}`);
    await page.waitForFunction(() => /^(webgpu|webgl|wasm|cpu)$/.test(document.querySelector('[data-testid="backend"]')?.textContent?.trim() ?? ''), null, { timeout: 120_000 });
    const backend = (await page.getByTestId('backend').textContent()).trim();
    await page.getByTestId('play').waitFor({ state: 'visible' });
    await page.waitForFunction(() => !document.querySelector('[data-testid="play"]')?.disabled, null, { timeout: 120_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    if (options.gc || options.snapshots) await cdp.send('HeapProfiler.enable');
    if (options.snapshots) mkdirSync(options.snapshots, { recursive: true });
    await page.getByTestId('play').click();
    console.log(`soak: ${options.minutes} min in Chromium on ${backend}, #${options.hash}, a sample every ${options.every} s${options.gc ? ', each after a forced garbage collection' : ''}`);

    const started = Date.now();
    const samples = [];
    let seenLong = { count: 0, totalMs: 0, maxMs: 0 };
    for (;;) {
      await page.waitForTimeout(options.every * 1000);
      const elapsed = (Date.now() - started) / 1000;
      if (options.gc) await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const pageHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
      const long = await page.evaluate(() => ({ ...window.__soakLongTasks }));
      const row = await lastMetrics(page);
      const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
      const sample = {
        minute: Math.round((elapsed / 60) * 10) / 10,
        iteration: Number(await page.getByTestId('iteration').textContent()),
        pageHeapMB: mb(pageHeap), workerHeapMB: mb(await workerHeap(cdp, options.gc).catch(() => null)),
        domNodes: dom?.nodes ?? null, listeners: dom?.jsEventListeners ?? null,
        tensors: row?.['tfjs/num_tensors'] ?? null,
        longTasks: long.count - seenLong.count, longTaskMs: Math.round(long.totalMs - seenLong.totalMs), longestMs: Math.round(long.maxMs),
      };
      seenLong = long;
      samples.push(sample);
      console.log(`${String(sample.minute).padStart(5)} min  iteration ${String(sample.iteration).padStart(5)}  page heap ${sample.pageHeapMB} MB  worker heap ${sample.workerHeapMB ?? '?'} MB  DOM nodes ${sample.domNodes ?? '?'}  listeners ${sample.listeners ?? '?'}  tensors ${sample.tensors ?? '?'}  long tasks +${sample.longTasks} (${sample.longTaskMs} ms, longest so far ${sample.longestMs} ms)`);
      const lastSample = elapsed >= options.minutes * 60;
      if (options.snapshots && (samples.length === 1 || lastSample)) {
        const file = join(options.snapshots, `page-${samples.length === 1 ? 'first' : 'last'}.heapsnapshot`);
        await heapSnapshot(cdp, file);
        console.log(`        page heap snapshot: ${file}`);
      }
      if (lastSample) break;
    }
    await page.getByTestId('pause').click().catch(() => undefined);

    const first = samples[0];
    const last = samples.at(-1);
    const failures = [];
    const tensorCounts = samples.map((s) => s.tensors).filter((t) => t !== null);
    if (tensorCounts.length >= 2 && tensorCounts.at(-1) > tensorCounts[0]) failures.push(`tensor count grew from ${tensorCounts[0]} to ${tensorCounts.at(-1)}`);
    if (last.iteration <= first.iteration) failures.push(`training stopped at iteration ${last.iteration}`);
    const peak = (key) => Math.max(...samples.map((s) => s[key] ?? 0));
    console.log(`iterations ${first.iteration} → ${last.iteration}; page heap ${first.pageHeapMB} → ${last.pageHeapMB} MB (peak ${peak('pageHeapMB')}); worker heap ${first.workerHeapMB} → ${last.workerHeapMB} MB (peak ${peak('workerHeapMB')}); tensors ${tensorCounts[0]} → ${tensorCounts.at(-1)}; long tasks ${samples.reduce((n, s) => n + s.longTasks, 0)} in all, longest ${last.longestMs} ms`);
    if (problems.length) console.log(`console errors: ${problems.length} (${problems.slice(0, 3).join(' | ')})`);
    if (options.json) console.log(JSON.stringify({ backend, hash: options.hash, samples, problems }));
    console.log(failures.length ? `FAIL: ${failures.join('; ')}` : 'ok: tensor count flat, training kept going');
    return failures.length ? 1 : 0;
  } finally {
    await browser?.close();
    stopServer();
  }
}

main().then((code) => process.exit(code), (error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
});

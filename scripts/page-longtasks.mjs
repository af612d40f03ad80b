#!/usr/bin/env node
// Main-thread long tasks of the playground page while it trains (docs/PERFORMANCE.md, "The page while
// training"). Builds the site (or uses an existing dist/), serves it with `vite preview` on a free port,
// opens headless Chromium, loads a training link, presses Play and records every main-thread task over
// 50 ms (PerformanceObserver 'longtask', plus 'long-animation-frame' for the scripts behind them) until N
// iterations have finished. A benchmark, not a test: it prints numbers and asserts nothing.
//
//   npm run bench:page                               # build, then 5 iterations of the default link
//   npm run bench:page -- --no-build --iterations 10 # reuse dist/
//   npm run bench:page -- --dist /tmp/old-dist --hash 'backend=wasm&B=2&G=2'
//   npm run bench:page -- --no-build --scroll chart-success  # with the training curves in view
//   npm run bench:page -- --no-build --trace     # also each task's CPU time and contents, from a Chromium trace
//   npm run bench:page -- --dist DIR --profile   # V8's sampling profiler: the functions behind each busy stretch
//                                                # (use an unminified build: npx vite build --minify false --outDir DIR)
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { serveDist, waitForServer } from './lib/serve.mjs';
import { writeFileSync } from 'node:fs';
import { numberFlag, readFlags } from './lib/args.mjs';
import { busyStretches, printStretches, startProfile } from './lib/busy.mjs';
import { cpuLongTasks, describeTasks, longTasks, startTrace } from './lib/trace.mjs';
import { whenInPage } from './lib/pageWait.mjs';

const HELP = `usage: npm run bench:page -- [options]
  --iterations N   iterations to observe after Play (default 5)
  --hash TEXT      the page's URL hash (default backend=wasm&B=4&G=8&steps=20)
  --no-build       use the existing dist/ instead of running vite build
  --dist DIR       serve this folder instead of dist/ (implies --no-build)
  --scroll TESTID  scroll the element with this data-testid into view before Play (e.g. chart-success:
                   the training curves, which redraw only while on screen)
  --timeout S      give up after S seconds of training (default 600)
  --trace          record a Chromium trace (the Performance panel's data) while training and report every
                   main-thread task over 50 ms with its wall time, its CPU time (its cost without the
                   machine's other work) and the script, style, layout and paint inside it
  --trace-out FILE as --trace, and write the trace's events to FILE (JSON; opens in the Performance panel)
  --profile        sample the main thread with V8's profiler while training and print, for each busy stretch
                   over 50 ms, the functions it spent its time in (names are the source's with an unminified
                   build: npx vite build --minify false --outDir DIR, then --dist DIR)
  --profile-out FILE  as --profile, and write the profile to FILE (.cpuprofile)
  --json           print the result as one JSON object as well`;

/** The options of one run, from the command line (scripts/lib/args.mjs: unknown flags are an error). */
function parseOptions(argv) {
  const flags = readFlags(argv, {
    iterations: { type: 'string' }, hash: { type: 'string' }, 'no-build': { type: 'boolean' }, dist: { type: 'string' },
    scroll: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' }, trace: { type: 'boolean' },
    'trace-out': { type: 'string' }, profile: { type: 'boolean' }, 'profile-out': { type: 'string' },
  }, HELP);
  const options = {
    iterations: numberFlag(flags, 'iterations', 5), hash: (flags.hash ?? 'backend=wasm&B=4&G=8&steps=20').replace(/^#/, ''),
    build: !flags['no-build'] && flags.dist === undefined, dist: flags.dist ?? 'dist', scroll: flags.scroll ?? '',
    timeout: numberFlag(flags, 'timeout', 600), json: Boolean(flags.json),
    trace: Boolean(flags.trace) || flags['trace-out'] !== undefined, traceFile: flags['trace-out'] ?? '',
    profile: Boolean(flags.profile) || flags['profile-out'] !== undefined, profileFile: flags['profile-out'] ?? '',
  };
  if (!Number.isInteger(options.iterations) || options.iterations < 1) throw new Error('--iterations must be a positive integer');
  return options;
}

/** Runs in the page before its own scripts: collects long tasks and long animation frames. */
function observe() {
  const found = { tasks: [], frames: [], since: 0 };
  window.__longTasks = found;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      found.tasks.push({
        start: entry.startTime, duration: entry.duration,
        attribution: (entry.attribution ?? []).map((a) => [a.containerType, a.containerName || a.containerSrc || a.name].filter(Boolean).join(' ')),
      });
    }
  }).observe({ type: 'longtask', buffered: true });
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        found.frames.push({
          start: entry.startTime, duration: entry.duration, blocking: entry.blockingDuration, render: entry.renderStart ? entry.startTime + entry.duration - entry.renderStart : 0,
          scripts: entry.scripts.map((s) => ({
            invoker: s.invoker, type: s.invokerType, duration: s.duration,
            source: `${s.sourceFunctionName || '(anonymous)'} ${String(s.sourceURL).split('/').pop()}:${s.sourceCharPosition}`,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
}

const ms = (v) => `${Math.round(v)} ms`;

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const dist = resolve(options.dist);
  const { origin, server, stop: stopServer } = await serveDist(dist, options.build);
  let browser;
  try {
    await waitForServer(origin, server);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(msg.text()); });
    await page.addInitScript(observe);
    await page.goto(`${origin}#${options.hash}`);
    const backend = page.getByTestId('backend');
    await page.waitForFunction(() => /^(webgpu|webgl|wasm|cpu)$/.test(document.querySelector('[data-testid="backend"]')?.textContent?.trim() ?? ''), null, { timeout: 120_000 });
    const play = page.getByTestId('play');
    await play.waitFor({ state: 'visible' });
    await page.waitForFunction(() => !document.querySelector('[data-testid="play"]')?.disabled, null, { timeout: 120_000 });

    if (options.scroll) await page.getByTestId(options.scroll).scrollIntoViewIfNeeded();
    const loadBefore = loadavg()[0];
    const started = await page.evaluate(() => performance.now());
    const tracer = options.trace ? await startTrace(page) : null;
    const profiler = options.profile ? await startProfile(page) : null;
    const wallStart = Date.now();
    await play.click();
    await whenInPage(page, 'iteration', { atLeast: options.iterations, timeoutMs: options.timeout * 1000, resolveOnTimeout: true });
    const reached = Number(await page.getByTestId('iteration').textContent());
    const ended = await page.evaluate(() => performance.now());
    const wallSeconds = (Date.now() - wallStart) / 1000;
    const loadAfter = loadavg()[0];
    await page.getByTestId('pause').click().catch(() => {});
    const traced = tracer ? await tracer.stop() : null;
    const profile = profiler ? await profiler.stop() : null;

    const found = await page.evaluate(() => window.__longTasks);
    const inWindow = (e) => e.start >= started && e.start <= ended;
    const tasks = found.tasks.filter(inWindow).sort((a, b) => b.duration - a.duration);
    const frames = found.frames.filter(inWindow).sort((a, b) => b.duration - a.duration);
    const total = tasks.reduce((s, t) => s + t.duration, 0);
    const blocking = tasks.reduce((s, t) => s + Math.max(0, t.duration - 50), 0);

    const bySource = new Map();
    for (const frame of frames) {
      for (const script of frame.scripts) {
        const key = `${script.type} ${script.invoker} → ${script.source}`;
        const entry = bySource.get(key) ?? { key, count: 0, total: 0, longest: 0 };
        entry.count++;
        entry.total += script.duration;
        entry.longest = Math.max(entry.longest, script.duration);
        bySource.set(key, entry);
      }
    }
    const sources = [...bySource.values()].sort((a, b) => b.total - a.total).slice(0, 8);
    const renderTotal = frames.reduce((s, f) => s + f.render, 0);

    console.log(`\nPage long tasks while training — #${options.hash}${options.scroll ? `, scrolled to ${options.scroll}` : ''}`);
    console.log(`machine: ${cpus().length} cores, 1-min load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (background work inflates every number)`);
    console.log(`backend: ${(await backend.textContent()).trim()}; iterations reached: ${reached} of ${options.iterations} in ${wallSeconds.toFixed(1)} s`);
    console.log(`long tasks (> 50 ms): ${tasks.length}; longest ${tasks.length ? ms(tasks[0].duration) : '–'}; total ${ms(total)}; blocking (sum of time over 50 ms) ${ms(blocking)}`);
    if (tasks.length) console.log(`durations: ${tasks.map((t) => Math.round(t.duration)).join(', ')} ms`);
    const containers = [...new Set(tasks.flatMap((t) => t.attribution))];
    if (containers.length) console.log(`longtask attribution: ${containers.join('; ')}`);
    if (frames.length) {
      console.log(`long animation frames: ${frames.length}, longest ${ms(frames[0].duration)}, of which style/layout/paint ${ms(renderTotal)} in total`);
      for (const s of sources) console.log(`  ${ms(s.total).padStart(8)} in ${String(s.count).padStart(3)} (longest ${ms(s.longest)})  ${s.key}`);
    }
    let trace = null;
    if (traced) {
      if (options.traceFile) writeFileSync(options.traceFile, JSON.stringify({ traceEvents: traced }));
      const wall = longTasks(traced);
      const cpu = cpuLongTasks(traced);
      // Every task's CPU time: what the page itself costs, whatever else the machine is doing.
      const all = longTasks(traced, { minMs: 0 });
      const cpuTotal = all.reduce((sum, t) => sum + t.cpuMs, 0);
      const over = (limit) => all.filter((t) => t.cpuMs > limit).length;
      const heaviest = all.map((t) => t.cpuMs).sort((a, b) => b - a);
      trace = { wallMs: wall.map((t) => t.wallMs), cpuMs: cpu.map((t) => t.cpuMs), cpuTotalMs: cpuTotal, cpuOver16: over(16), cpuOver30: over(30), heaviestCpuMs: heaviest.slice(0, 10) };
      console.log(`trace: ${wall.length} main-thread tasks over 50 ms of wall time; ${cpu.length} over 50 ms of CPU time${cpu.length ? ` (${cpu.map((t) => t.cpuMs).join(', ')} ms)` : ''}`);
      console.log(`main-thread CPU: ${cpuTotal} ms in ${all.length} tasks; ${over(16)} over 16 ms, ${over(30)} over 30 ms; heaviest ${heaviest.slice(0, 8).join(', ')} ms`);
      console.log(describeTasks(wall, 12));
    }
    if (profile) {
      if (options.profileFile) writeFileSync(options.profileFile, JSON.stringify(profile));
      printStretches(busyStretches(profile), 8);
    }
    if (problems.length) console.log(`page errors: ${problems.join(' | ')}`);
    if (options.json) {
      console.log(JSON.stringify({
        hash: options.hash, iterations: options.iterations, reached, wallSeconds, load: [loadBefore, loadAfter],
        count: tasks.length, longest: tasks[0]?.duration ?? 0, total, blocking, durations: tasks.map((t) => t.duration), sources, ...(trace && { trace }),
      }));
    }
    if (reached < options.iterations) process.exitCode = 1;
  } finally {
    await browser?.close();
    stopServer();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

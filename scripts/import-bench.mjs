#!/usr/bin/env node
// The page importing a large file (docs/IMPORT.md, "Large files"): serves dist/ with `vite preview`,
// opens headless Chromium, waits for the page to settle, imports the file through the "Real runs"
// panel and records every main-thread task over 50 ms (PerformanceObserver 'longtask') from the moment
// the file is chosen until the report is on screen, plus the resident memory of all Chromium processes
// (sampled every 100 ms from /proc) and the page's JS heap. A benchmark, not a test: it prints numbers.
//
//   npx vite build && npx tsx scripts/make-large-steps.ts --mb 200 --out runs/large-steps.jsonl
//   node scripts/import-bench.mjs runs/large-steps.jsonl [--json] [--frames] [--dist DIR] [--profile [FILE.cpuprofile]]
//
// --dist DIR serves another build (e.g. an unminified one, `npx vite build --minify false --outDir DIR`);
// --profile samples the main thread with V8's profiler and prints, for each busy stretch over 50 ms, the
// functions it spent its time in (scripts/lib/busy.mjs); with a file name it also writes the profile.
// --trace records a Chromium trace (the Performance panel's data) and reports every main-thread task over
// 50 ms with its wall time, its CPU time (what the task costs without the machine's other work) and the
// script, style, layout and paint inside it (scripts/lib/trace.mjs); --trace-out FILE also writes the trace's
// events (JSON, opens in the Performance panel). --settle S keeps recording S seconds after the report is on
// screen (default 1), while the views render the imported run. --gc also records the garbage collectors'
// events and reports the main thread's collections (what started each, its phases) and its JS heap (first,
// peak, last) over the trace. --wait S lets the loaded page sit S seconds before the file is chosen
// (default 3); --idle S chooses no file and traces S seconds of the page sitting idle (a control).
// --heap-profile FILE samples the page's allocations from the file's choice to the end (V8's sampling heap
// profiler) and prints the functions that allocated what is still alive then; --heap-profile-all counts
// everything allocated, collected or not (scripts/lib/heapSampling.mjs).
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { busyStretches, printStretches, startProfile } from './lib/busy.mjs';
import { heapSummary, printHeapSummary, startHeapSampling } from './lib/heapSampling.mjs';
import { startTrace } from './lib/trace.mjs';
import { serveDist, waitForServer } from './lib/serve.mjs';
import { cpuLongTasks, describeTasks, gcEvents, heapCounters, longTasks } from './lib/trace.mjs';
import { whenInPage } from './lib/pageWait.mjs';

const file = process.argv[2];
const json = process.argv.includes('--json');
const optionValue = (name) => {
  const at = process.argv.indexOf(name);
  return at > 0 && process.argv[at + 1] && !process.argv[at + 1].startsWith('--') ? process.argv[at + 1] : null;
};
const dist = optionValue('--dist') ?? 'dist';
const seconds = (name, fallback) => {
  const value = Number(optionValue(name) ?? fallback) * 1000;
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number of seconds`);
  return value;
};
const settleMs = seconds('--settle', 1);
const waitMs = seconds('--wait', 3);
const idleMs = process.argv.includes('--idle') ? seconds('--idle', 30) : null;
const gc = process.argv.includes('--gc');
if (!file || !existsSync(file)) throw new Error('usage: node scripts/import-bench.mjs FILE.jsonl [--json] [--frames] [--dist DIR] [--profile [FILE]]');
if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/index.html not found: build first (npx vite build)`);

/** Resident memory (bytes) of a process's descendants (not itself, not `skip`'s tree), from /proc. */
function treeRss(rootPid, skip) {
  const children = new Map();
  const rss = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      rss.set(Number(name), Number(fields[21]) * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  const stack = [...(children.get(rootPid) ?? [])].filter((pid) => pid !== skip);
  while (stack.length) {
    const pid = stack.pop();
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function observe() {
  const found = { tasks: [], chosen: null };
  window.__longTasks = found;
  // The moment the file is chosen (the input's change event), after the browser has the file.
  document.addEventListener('change', () => { found.chosen ??= performance.now(); }, true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) found.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      found.frames = found.frames ?? [];
      found.frames.push({
        start: entry.startTime, duration: entry.duration,
        scripts: entry.scripts.map((x) => `${x.invoker} ${Math.round(x.duration)} ms ${x.sourceFunctionName || ''} ${String(x.sourceURL).split('/').pop()}`),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
}

const mb = (bytes) => Math.round(bytes / 1e6);

/** The main thread's collections over 10 ms and its heap, printed and returned (for --gc). */
function gcReport(events) {
  const heap = heapCounters(events);
  const collections = gcEvents(events, { minMs: 10 });
  console.log(`main-thread JS heap over the trace: ${heap ? `${heap.firstMb} MB first, peak ${heap.peakMb} MB, ${heap.lastMb} MB last` : 'no counters'}`);
  for (const c of collections) {
    console.log(`  ${c.kind} at ${c.atS} s: ${c.wallMs} ms wall, ${c.cpuMs} ms CPU, ${c.type}, heap ${c.heapBeforeMb} → ${c.heapAfterMb} MB; ${c.trigger}; CPU ms by phase ${JSON.stringify(c.phasesCpuMs)}`);
  }
  const majorGcs = collections.filter((c) => c.kind === 'MajorGC').map((c) => ({ atS: c.atS, cpuMs: c.cpuMs, wallMs: c.wallMs, trigger: c.trigger }));
  return { heap, majorGcs };
}

/** The control for --idle: the loaded page traced while nothing happens; prints its collections and long tasks. */
async function idle(page, tracer, ms) {
  await page.waitForTimeout(ms);
  const events = await tracer.stop();
  const traceOut = optionValue('--trace-out');
  if (traceOut) writeFileSync(traceOut, JSON.stringify({ traceEvents: events }));
  const cpu = cpuLongTasks(events);
  console.log(`idle page, ${ms / 1000} s traced after ${waitMs / 1000} s: ${cpu.length} main-thread tasks over 50 ms of CPU time (${cpu.map((t) => t.cpuMs).join(', ')})`);
  const { heap, majorGcs } = gcReport(events);
  if (json) console.log(JSON.stringify({ idleS: ms / 1000, waitS: waitMs / 1000, traceTasksCpuMs: cpu.map((t) => t.cpuMs), mainHeapMb: heap, majorGcs, load: loadavg()[0] }));
}

async function main() {
  const { origin, server: preview, stop } = await serveDist(resolve(dist), false);
  // A local launch: the file input gets the file's path, not an upload through the test driver.
  const browser = await launchChromium('off', ['--enable-precise-memory-info']);
  try {
    await waitForServer(origin, preview);
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.addInitScript(observe);
    await page.goto(`${origin}#backend=wasm`);
    await page.getByTestId('backend').filter({ hasText: /wasm/i }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(waitMs);
    // Chromium's processes are this script's children, apart from vite preview.
    const rssNow = () => treeRss(process.pid, preview.pid);
    const before = rssNow();
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, rssNow()); }, 100);
    const profiler = process.argv.includes('--profile') ? await startProfile(page) : null;
    const tracer = process.argv.includes('--trace') || optionValue('--trace-out') || gc || idleMs !== null ? await startTrace(page, { gc }) : null;
    const heapOut = optionValue('--heap-profile');
    const heapAll = process.argv.includes('--heap-profile-all');
    const sampling = heapOut || heapAll ? await startHeapSampling(page, { all: heapAll }) : null;
    if (idleMs !== null) {
      await idle(page, tracer, idleMs);
      clearInterval(sampler);
      return;
    }
    await page.getByTestId('import-file').setInputFiles(resolve(file));
    const shown = await whenInPage(page, 'import-report-0', { timeoutMs: 600_000 });
    const chosen = await page.evaluate(() => window.__longTasks.chosen);
    const seconds = (shown - chosen) / 1000;
    // The views switch to the imported run after the report is painted: keep recording while they render.
    await page.waitForTimeout(settleMs);
    clearInterval(sampler);
    let traced = null;
    if (tracer) {
      const events = await tracer.stop();
      const traceOut = optionValue('--trace-out');
      if (traceOut) writeFileSync(traceOut, JSON.stringify({ traceEvents: events }));
      const wall = longTasks(events);
      const cpu = cpuLongTasks(events);
      traced = { tasksOver50msWall: wall.map((t) => t.wallMs), tasksOver50msCpu: cpu.map((t) => t.cpuMs), tasks: wall, ...(gc && gcReport(events)) };
      console.log(`trace: ${wall.length} main-thread tasks over 50 ms of wall time, ${cpu.length} over 50 ms of CPU time (longest ${Math.max(0, ...cpu.map((t) => t.cpuMs))} ms)`);
      console.log(describeTasks(wall));
    }
    if (sampling) {
      const profile = await sampling.stop();
      if (heapOut) writeFileSync(heapOut, JSON.stringify(profile));
      printHeapSummary(heapAll ? 'allocated on the main thread from the file chosen to the end' : 'alive on the main thread at the end, allocated since the file was chosen', heapSummary(profile));
    }
    if (profiler) {
      const profile = await profiler.stop();
      const outAt = optionValue('--profile');
      if (outAt) writeFileSync(outAt, JSON.stringify(profile));
      printStretches(busyStretches(profile));
    }
    const after = rssNow();
    const result = await page.evaluate((since) => ({
      tasks: window.__longTasks.tasks.filter((t) => t.start + t.duration >= since).map((t) => Math.round(t.duration)),
      at: window.__longTasks.tasks.filter((t) => t.start + t.duration >= since).map((t) => Math.round(t.start - since)),
      frames: (window.__longTasks.frames ?? []).filter((f) => f.start >= since && f.duration > 50).map((f) => `${Math.round(f.start - since)} +${Math.round(f.duration)}: ${f.scripts.join('; ')}`),
      heap: performance.memory?.usedJSHeapSize ?? null,
    }), chosen);
    // textContent, not innerText: the panel may be skipped off screen (content-visibility), where innerText is empty.
    const report = await page.evaluate(() => [...document.querySelectorAll('[data-testid="import-report-0"] p')].map((p) => p.textContent.trim()).join('\n'));
    const out = {
      file, bytes: statSync(file).size, seconds, longTasksOver50ms: result.tasks.length, longestTaskMs: Math.max(0, ...result.tasks),
      tasks: result.tasks, chromiumRssBeforeMb: mb(before), chromiumRssPeakMb: mb(peak), chromiumRssAfterMb: mb(after),
      pageHeapAfterMb: result.heap === null ? null : mb(result.heap), report: report.split('\n').slice(0, 3).join(' | '),
      load: loadavg()[0],
      ...(traced && { traceTasksWallMs: traced.tasksOver50msWall, traceTasksCpuMs: traced.tasksOver50msCpu }),
      ...(traced?.heap && { mainHeapMb: traced.heap, majorGcs: traced.majorGcs }),
    };
    console.log(`${file}: ${mb(out.bytes)} MB imported in ${seconds.toFixed(1)} s`);
    console.log(`main-thread tasks over 50 ms: ${out.longTasksOver50ms}${out.tasks.length ? ` (${out.tasks.join(', ')} ms)` : ''}`);
    console.log(`Chromium resident memory: ${out.chromiumRssBeforeMb} MB before, peak ${out.chromiumRssPeakMb} MB, ${out.chromiumRssAfterMb} MB after; page JS heap after ${out.pageHeapAfterMb} MB`);
    console.log(out.report);
    if (process.argv.includes('--frames')) console.log(`task starts (ms after the file was chosen): ${result.at.join(', ')}\n${result.frames.join('\n')}`);
    if (json) console.log(JSON.stringify(out));
  } finally {
    await browser.close();
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

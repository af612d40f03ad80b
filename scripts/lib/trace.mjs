// Main-thread tasks from a Chromium trace (the Performance panel's data, taken through the Chrome DevTools
// protocol's `Tracing` domain). Each task of the page's main thread has a wall duration and a thread
// duration — the CPU time the thread itself ran. On a machine shared with other work the wall duration
// includes the time other processes held the CPU; the thread duration is close to what the same task
// takes on an idle machine, so the two together say how much of a long task is the page's own work.

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Starts tracing a page (Playwright); `stop()` resolves with the trace events. */
export async function startTrace(page) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => { for (const e of value) events.push(e); });
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
  return {
    stop: () => new Promise((resolve) => {
      cdp.once('Tracing.tracingComplete', () => resolve(events));
      void cdp.send('Tracing.end');
    }),
  };
}

/** The renderer main thread(s): pid/tid pairs named CrRendererMain that ran page tasks. */
function mainThreads(events) {
  const threads = new Set();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.add(`${e.pid}:${e.tid}`);
  return threads;
}

// What runs inside a task, by trace event name: the kinds the Performance panel shows.
const KINDS = {
  FunctionCall: 'script', EvaluateScript: 'script', TimerFire: 'script', FireAnimationFrame: 'script', EventDispatch: 'script',
  'V8.Execute': 'script', RunMicrotasks: 'script', UpdateLayoutTree: 'style', Layout: 'layout', Paint: 'paint',
  PrePaint: 'paint', Layerize: 'paint', 'Commit': 'paint', ParseHTML: 'parse', MajorGC: 'gc', MinorGC: 'gc', 'V8.GC_SCAVENGER': 'gc',
};

/**
 * The main-thread tasks longer than `minMs` (by wall time) within [fromUs, toUs] of the trace clock (all
 * tasks when not given), longest first: wall ms, thread (CPU) ms, and the wall ms of the top-level kinds
 * of work inside (script, style, layout, paint, gc), plus the names of the timers, frames and messages
 * that started it.
 */
export function longTasks(events, { minMs = 50, fromUs = -Infinity, toUs = Infinity } = {}) {
  const threads = mainThreads(events);
  const onMain = events.filter((e) => threads.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.ts >= fromUs && e.ts <= toUs);
  // Chromium writes a task as ThreadControllerImpl::RunTask (toplevel) and, nested in it, RunTask: count one.
  const taskName = onMain.some((e) => e.name === 'ThreadControllerImpl::RunTask') ? 'ThreadControllerImpl::RunTask' : 'RunTask';
  const tasks = onMain.filter((e) => e.name === taskName && e.dur / 1000 > minMs);
  const inside = onMain.filter((e) => KINDS[e.name]);
  return tasks.map((task) => {
    const end = task.ts + task.dur;
    const kinds = {};
    const causes = new Set();
    // Only the outermost events of each kind inside the task, so nested script calls count once.
    const coveredUntil = {};
    for (const e of inside) {
      if (e.ts < task.ts || e.ts + e.dur > end) continue;
      const kind = KINDS[e.name];
      if (e.ts < (coveredUntil[kind] ?? 0)) continue;
      coveredUntil[kind] = e.ts + e.dur;
      kinds[kind] = (kinds[kind] ?? 0) + e.dur / 1000;
      if (kind === 'script' && e.name !== 'V8.Execute' && e.name !== 'RunMicrotasks') {
        const data = e.args?.data ?? {};
        causes.add(e.name === 'EventDispatch' ? `event ${data.type}` : e.name === 'FunctionCall' ? `call ${data.functionName || '(anonymous)'}` : e.name);
      }
    }
    for (const k of Object.keys(kinds)) kinds[k] = Math.round(kinds[k]);
    return { ts: task.ts, wallMs: Math.round(task.dur / 1000), cpuMs: Math.round((task.tdur ?? task.dur) / 1000), kinds, causes: [...causes].slice(0, 6) };
  }).sort((a, b) => b.wallMs - a.wallMs);
}

/** Tasks whose thread (CPU) time alone is over `minMs`: the page's own long work, whatever the load. */
export function cpuLongTasks(events, opts = {}) {
  const minMs = opts.minMs ?? 50;
  return longTasks(events, { ...opts, minMs }).filter((t) => t.cpuMs > minMs);
}

/** One line per task: wall and CPU ms, what ran inside. */
export function describeTasks(tasks, count = 10) {
  return tasks.slice(0, count).map((t) => `  ${t.wallMs} ms wall, ${t.cpuMs} ms CPU — ${Object.entries(t.kinds).map(([k, v]) => `${k} ${v}`).join(', ')}${t.causes.length ? ` — ${t.causes.join(', ')}` : ''}`).join('\n');
}

// Main-thread tasks from a Chromium trace (the Performance panel's data, taken through the Chrome DevTools
// protocol's `Tracing` domain). Each task of the page's main thread has a wall duration and a thread
// duration — the CPU time the thread itself ran. On a machine shared with other work the wall duration
// includes the time other processes held the CPU; the thread duration is close to what the same task
// takes on an idle machine, so the two together say how much of a long task is the page's own work.

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline'];
/** V8's and Blink's garbage-collector events: each collection's phases, the heap before and after, and why it started. */
const GC_CATEGORIES = ['v8', 'disabled-by-default-v8.gc', 'blink_gc', 'disabled-by-default-cppgc', 'toplevel.ipc', 'mojom'];

/**
 * Starts tracing a page (Playwright); `stop()` resolves with the trace events. `gc: true` also records
 * the garbage collectors' own events (see `gcEvents`).
 */
export async function startTrace(page, { gc = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => { for (const e of value) events.push(e); });
  const includedCategories = gc ? [...CATEGORIES, ...GC_CATEGORIES] : CATEGORIES;
  await cdp.send('Tracing.start', { traceConfig: { includedCategories, recordMode: 'recordContinuously' }, transferMode: 'ReportEvents' });
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

/** What started a collection's marking, from the source location of the task that started it. */
function gcTrigger(task) {
  const func = String(task?.args?.src_func ?? '');
  const file = String(task?.args?.src_file ?? '');
  if (file.includes('memory-reducer')) return 'V8 memory reducer (timer)';
  if (file.includes('incremental-marking-job') || file.includes('minor-gc-job')) return 'V8 allocation limit (task)';
  if (file.includes('mojo') || func.includes('Mojo')) return 'inside a mojo message';
  return func ? `${func} (${file.split('/').pop()})` : 'allocation in the running task';
}

/**
 * The renderer main thread's garbage collections of at least `minMs` of wall time (all when 0), in
 * order: seconds since the trace's first main-thread event, wall and CPU ms, V8's type ("finalize
 * incremental marking via task", "allocation failure", …), the heap before and after (MB), what started
 * its marking (for a major GC: the task in which the incremental marking began), and the CPU ms of its
 * main phases. Needs `startTrace(page, { gc: true })` for the phases and the start of marking.
 */
export function gcEvents(events, { minMs = 0 } = {}) {
  const threads = mainThreads(events);
  const onMain = events.filter((e) => threads.has(`${e.pid}:${e.tid}`) && e.ts > 0);
  if (onMain.length === 0) return [];
  const t0 = Math.min(...onMain.map((e) => e.ts));
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask');
  const taskAt = (ts) => tasks.find((t) => t.ts <= ts && t.ts + t.dur >= ts);
  const markingStarts = onMain.filter((e) => e.ph === 'X' && e.name === 'V8.GC_MC_INCREMENTAL_START');
  // V8's own account of why marking started ("memory reducer", "allocation limit", …), where recorded.
  const reasons = onMain.filter((e) => e.name === 'V8.GCIncrementalMarkingStart' && e.args?.value?.gc_reason);
  const PHASES = {
    mark: 'V8.GC_MC_MARK', evacuate: 'V8.GC_MC_EVACUATE', clear: 'V8.GC_MC_CLEAR', sweep: 'V8.GC_MC_SWEEP',
    embedderEpilogue: 'V8.GC_HEAP_EMBEDDER_TRACING_EPILOGUE', epilogueSafepoint: 'V8.GC_HEAP_EPILOGUE_SAFEPOINT', scavenge: 'V8.GC_SCAVENGER',
  };
  const byName = new Map(Object.values(PHASES).map((name) => [name, onMain.filter((e) => e.ph === 'X' && e.name === name)]));
  return onMain.filter((e) => e.ph === 'X' && (e.name === 'MajorGC' || e.name === 'MinorGC') && e.dur / 1000 >= minMs).map((gc) => {
    const phases = {};
    for (const [phase, name] of Object.entries(PHASES)) {
      const cpu = byName.get(name).filter((p) => p.ts >= gc.ts && p.ts + p.dur <= gc.ts + gc.dur).reduce((a, p) => a + (p.tdur ?? p.dur), 0);
      if (cpu >= 500) phases[phase] = Math.round(cpu / 1000);
    }
    const started = gc.name === 'MajorGC' ? markingStarts.filter((m) => m.ts < gc.ts).at(-1) : null;
    const reason = started ? reasons.filter((r) => r.ts <= started.ts + started.dur && r.ts + (r.dur ?? 0) >= started.ts).at(-1)?.args.value : null;
    const why = reason ? `V8: ${reason.gc_reason}${reason.reason && reason.reason !== 'missing reason' ? `, ${reason.reason}` : ''}; ` : '';
    return {
      atS: Math.round((gc.ts - t0) / 1e4) / 100, kind: gc.name, wallMs: Math.round(gc.dur / 1000), cpuMs: Math.round((gc.tdur ?? gc.dur) / 1000),
      type: gc.args?.type ?? '', heapBeforeMb: Math.round((gc.args?.usedHeapSizeBefore ?? 0) / 1e5) / 10, heapAfterMb: Math.round((gc.args?.usedHeapSizeAfter ?? 0) / 1e5) / 10,
      trigger: started ? `marking started at ${Math.round((started.ts - t0) / 1e4) / 100} s (${why}task: ${gcTrigger(taskAt(started.ts))})` : gcTrigger(taskAt(gc.ts)),
      phasesCpuMs: phases,
    };
  });
}

/** The main thread's JS heap (MB) over the trace from the timeline's counters: first, peak and last sample. */
export function heapCounters(events) {
  const threads = mainThreads(events);
  const used = events.filter((e) => e.name === 'UpdateCounters' && threads.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts)
    .map((e) => e.args?.data?.jsHeapSizeUsed).filter((x) => typeof x === 'number');
  if (used.length === 0) return null;
  const mbOf = (bytes) => Math.round(bytes / 1e5) / 10;
  return { firstMb: mbOf(used[0]), peakMb: mbOf(Math.max(...used)), lastMb: mbOf(used.at(-1)) };
}

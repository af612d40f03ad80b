// Which functions the page's JS heap was allocated by, from V8's sampling heap profiler (Chrome DevTools
// protocol `HeapProfiler.startSampling`): each sample is an allocation of about `intervalBytes` with the
// stack that made it. With `all: false` the profile holds only what is still alive when it is read; with
// `all: true` also what the collectors have freed since (everything allocated). Use an unminified build
// (`npx vite build --minify false --outDir DIR`) so that the names are the source's.

/** Starts sampling the page's allocations (Playwright); `stop()` returns the sampling profile. */
export async function startHeapSampling(page, { intervalBytes = 16384, all = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: intervalBytes, includeObjectsCollectedByMajorGC: all, includeObjectsCollectedByMinorGC: all,
  });
  return { stop: async () => (await cdp.send('HeapProfiler.stopSampling')).profile };
}

const frameKey = (f) => `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;

/**
 * The profile's total (MB) and the `top` functions by the bytes allocated in them (self) and under them
 * (inclusive: each function counted once per stack), in MB.
 */
export function heapSummary(profile, { top = 15 } = {}) {
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  const walk = (node, stack) => {
    const key = frameKey(node.callFrame);
    const own = node.selfSize;
    total += own;
    self.set(key, (self.get(key) ?? 0) + own);
    const keys = stack.includes(key) ? stack : [...stack, key];
    if (own > 0) for (const k of keys) inclusive.set(k, (inclusive.get(k) ?? 0) + own);
    for (const child of node.children ?? []) walk(child, keys);
  };
  walk(profile.head, []);
  const mb = (bytes) => Math.round(bytes / 1e5) / 10;
  const best = (map) => [...map].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, bytes]) => ({ name, mb: mb(bytes) }));
  return { totalMb: mb(total), self: best(self), inclusive: best(inclusive) };
}

/** Prints a heap summary. */
export function printHeapSummary(title, summary) {
  console.log(`${title}: ${summary.totalMb} MB sampled`);
  console.log('  by function (self):');
  for (const f of summary.self) console.log(`    ${String(f.mb).padStart(6)} MB  ${f.name}`);
  console.log('  by function (inclusive):');
  for (const f of summary.inclusive) console.log(`    ${String(f.mb).padStart(6)} MB  ${f.name}`);
}

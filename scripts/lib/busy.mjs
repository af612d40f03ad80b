// Where a long main-thread task went, from a V8 CPU profile (Chrome DevTools protocol `Profiler`): the
// profile's samples are cut into busy stretches (consecutive samples that are not "(idle)"), and each
// stretch over a threshold — a long task — is described by the functions on its samples' stacks
// (inclusive time, each function counted once per sample) and by its own self time. Use an unminified
// build (`npx vite build --minify false --outDir DIR`) so that the names are the source's.

/** Starts the sampling profiler on a page (Playwright); `stop()` returns the profile. */
export async function startProfile(page, intervalUs = 250) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return { stop: async () => (await cdp.send('Profiler.stop')).profile };
}

const frameKey = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;

/**
 * The busy stretches of a profile longer than `minMs`, longest first: start (ms after the profile
 * began), duration, and the `top` functions by inclusive and by self time (ms).
 */
export function busyStretches(profile, { minMs = 50, top = 12, gapMs = 1 } = {}) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stack = new Map();
  const stackOf = (id) => {
    if (!stack.has(id)) {
      const keys = new Set();
      for (let at = id; at !== undefined; at = parent.get(at)) {
        const n = byId.get(at);
        if (n.callFrame.functionName !== '(root)') keys.add(frameKey(n));
      }
      stack.set(id, keys);
    }
    return stack.get(id);
  };
  const idle = (id) => byId.get(id).callFrame.functionName === '(idle)';
  const stretches = [];
  let t = 0;
  let current = null;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    t += dt;
    const id = profile.samples[i];
    if (idle(id)) {
      if (current && t - current.end > gapMs) {
        stretches.push(current);
        current = null;
      }
      continue;
    }
    // A sample stands for the time since the previous one.
    current ??= { start: t - dt, end: t, samples: [] };
    current.end = t;
    current.samples.push([id, dt]);
  }
  if (current) stretches.push(current);
  return stretches
    .map((s) => ({ ...s, duration: s.end - s.start }))
    .filter((s) => s.duration > minMs)
    .sort((a, b) => b.duration - a.duration)
    .map((s) => {
      const inclusive = new Map();
      const self = new Map();
      for (const [id, dt] of s.samples) {
        for (const key of stackOf(id)) inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
        const key = frameKey(byId.get(id));
        self.set(key, (self.get(key) ?? 0) + dt);
      }
      const best = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => [k, Math.round(v * 10) / 10]);
      return { start: Math.round(s.start), duration: Math.round(s.duration), inclusive: best(inclusive), self: best(self) };
    });
}

/** Prints the stretches of `busyStretches` (the `count` longest). */
export function printStretches(stretches, count = 6) {
  for (const s of stretches.slice(0, count)) {
    console.log(`\nbusy ${s.duration} ms at +${s.start} ms`);
    console.log(`  inclusive: ${s.inclusive.map(([k, v]) => `${v} ${k}`).join('\n             ')}`);
    console.log(`  self:      ${s.self.slice(0, 8).map(([k, v]) => `${v} ${k}`).join('\n             ')}`);
  }
}

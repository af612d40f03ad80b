#!/usr/bin/env node
// Training speed of the built site in Chromium, per backend (docs/PERFORMANCE.md, "In the browser").
// Builds the site (or uses an existing dist/), serves it with `vite preview` on a free port, and for each
// backend opens `#backend=NAME&…`, waits for the page's backend line, presses Play and measures the wall
// time from the end of the first iteration to the end of iteration N+1 (the first one includes warm-up and
// shader compilation). Backends alternate over `--rounds`. WebGPU runs on SwiftShader (software, a
// correctness target only) unless `--gpu` lets Chromium use the machine's GPU; the page's backend line,
// printed with the result, says which adapter it got. A benchmark, not a test: it asserts nothing.
//
//   npm run bench:browser                                  # build; webgpu and wasm, 3 iterations each
//   npm run bench:browser -- --gpu                         # on a machine with a GPU
//   npm run bench:browser -- --no-build --backends webgpu,wasm,cpu --iterations 5 --rounds 2
//   npm run bench:browser -- --hash 'B=4&G=8&steps=20' --json
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { numberFlag, readFlags } from './lib/args.mjs';
import { serveDist, waitForServer } from './lib/serve.mjs';

const HELP = `usage: npm run bench:browser -- [options]
  --backends LIST  comma-separated backends to compare (default webgpu,wasm)
  --iterations N   timed iterations per backend after the first (default 3)
  --rounds N       alternating rounds over the backends (default 1)
  --hash TEXT      more of the page's URL hash, e.g. 'B=4&G=8&steps=20' (default: the page's defaults)
  --no-build       use the existing dist/ instead of running vite build
  --dist DIR       serve this folder instead of dist/ (implies --no-build)
  --gpu            let Chromium use the machine's GPU for WebGPU (default: SwiftShader, as the browser
                   tests do, so that the run works on any machine)
  --timeout S      give up on a backend after S seconds (default 900)
  --json           print the result as one JSON object as well`;

function parseOptions(argv) {
  const flags = readFlags(argv, {
    backends: { type: 'string' }, iterations: { type: 'string' }, rounds: { type: 'string' }, hash: { type: 'string' },
    'no-build': { type: 'boolean' }, dist: { type: 'string' }, timeout: { type: 'string' }, json: { type: 'boolean' }, gpu: { type: 'boolean' },
  }, HELP);
  const options = {
    backends: (flags.backends ?? 'webgpu,wasm').split(',').filter(Boolean),
    iterations: numberFlag(flags, 'iterations', 3), rounds: numberFlag(flags, 'rounds', 1), hash: (flags.hash ?? '').replace(/^#/, ''),
    build: !flags['no-build'] && flags.dist === undefined, dist: flags.dist ?? 'dist', timeout: numberFlag(flags, 'timeout', 900),
    json: Boolean(flags.json), gpu: Boolean(flags.gpu),
  };
  for (const name of options.backends) {
    if (!['webgpu', 'webgl', 'wasm', 'cpu'].includes(name)) throw new Error(`--backends: unknown backend "${name}"`);
  }
  if (!Number.isInteger(options.iterations) || options.iterations < 1) throw new Error('--iterations must be a positive integer');
  if (!Number.isInteger(options.rounds) || options.rounds < 1) throw new Error('--rounds must be a positive integer');
  if (/(^|&)backend=/.test(options.hash)) throw new Error('--hash must not set backend (use --backends)');
  return options;
}

/** Trains on one backend in a fresh page; returns seconds per iteration after the first, and what the page said. */
async function measure(browser, origin, backend, options) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(`${origin}#backend=${backend}${options.hash ? `&${options.hash}` : ''}`);
    await page.waitForFunction(() => /^(webgpu|webgl|wasm|cpu)$/.test(document.querySelector('[data-testid="backend"]')?.textContent?.trim() ?? ''), null, { timeout: 180_000 });
    const used = (await page.getByTestId('backend').textContent()).trim();
    const reason = ((await page.getByTestId('backend-reason').textContent({ timeout: 5_000 }).catch(() => '')) ?? '').trim();
    const play = page.getByTestId('play');
    await play.waitFor({ state: 'visible' });
    await page.waitForFunction(() => !document.querySelector('[data-testid="play"]')?.disabled, null, { timeout: 180_000 });
    await play.click();
    const iteration = () => page.getByTestId('iteration').textContent().then(Number);
    const until = Date.now() + options.timeout * 1000;
    let first = null;
    let reached = 0;
    while (Date.now() < until) {
      reached = await iteration();
      if (first === null && reached >= 1) first = { iteration: reached, at: Date.now() };
      if (first && reached >= first.iteration + options.iterations) break;
      await page.waitForTimeout(100);
    }
    const end = Date.now();
    await page.getByTestId('pause').click().catch(() => {});
    const timed = first ? reached - first.iteration : 0;
    return { backend, used, reason, iterations: timed, secondsPerIteration: timed > 0 ? (end - first.at) / 1000 / timed : NaN, problems };
  } finally {
    await page.close();
  }
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const dist = resolve(options.dist);
  const { origin, server, stop: stopServer } = await serveDist(dist, options.build);
  let browser;
  const results = [];
  const loadBefore = loadavg();
  try {
    await waitForServer(origin, server);
    browser = await launchChromium(options.gpu ? 'gpu' : 'swiftshader');
    for (let round = 0; round < options.rounds; round++) {
      for (const backend of options.backends) {
        const result = await measure(browser, origin, backend, options);
        console.log(`${backend}: page used ${result.used}; ${result.secondsPerIteration.toFixed(2)} s per iteration over ${result.iterations}`
          + `${result.problems.length ? `; page errors: ${result.problems.join(' | ')}` : ''}`);
        results.push(result);
      }
    }
  } finally {
    await browser?.close();
    stopServer();
  }
  const loadAfter = loadavg();
  console.log(`\nWebGPU adapter: ${options.gpu ? "the machine's GPU (--gpu)" : 'SwiftShader (software)'}; ${cpus().length} cores; load average ${loadBefore.map((x) => x.toFixed(2)).join(' ')} before, ${loadAfter.map((x) => x.toFixed(2)).join(' ')} after`);
  console.log('\n| requested | used | s per iteration | iterations | what the page said |\n|---|---|---|---|---|');
  for (const r of results) console.log(`| ${r.backend} | ${r.used} | ${r.secondsPerIteration.toFixed(2)} | ${r.iterations} | ${r.reason.replace(/\s+/g, ' ').slice(0, 160)} |`);
  if (options.json) console.log(JSON.stringify({ gpu: options.gpu, hash: options.hash, iterations: options.iterations, rounds: options.rounds, load: [loadBefore, loadAfter], results }, null, 2));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

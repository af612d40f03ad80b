/**
 * What the page scripts (bench:browser, bench:page, import-bench) share: running a command, finding a
 * free local port, serving the built site and waiting for `vite preview` to answer.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** Runs a command with inherited output; resolves when it exits with 0, rejects otherwise. */
export function run(command, args) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: 'inherit' });
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Waits until `url` answers with a 2xx status; fails if the server process exits or `seconds` pass. */
export async function waitForServer(url, child, seconds = 60) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/**
 * Builds the site if asked, checks `dist` holds one, and serves it with `vite preview` on a free port.
 * Returns the origin, the server process, and `stop()` (also called when the process exits).
 */
export async function serveDist(dist, build) {
  if (build) await run('npx', ['vite', 'build', '--logLevel', 'warn']);
  if (!existsSync(resolve(dist, 'index.html'))) throw new Error(`${dist}/index.html not found: build first (npm run build)`);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}/`;
  const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', dist], { stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ } };
  process.on('exit', stop);
  return { origin, server, stop };
}

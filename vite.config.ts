import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Ships the measured results the page links to next to it: docs/RESULTS.md (the research grid's report,
 * which the first screen's line on success at this scale is generated from) and docs/TRAINING.md.
 */
function measuredResults(): Plugin {
  return {
    name: 'measured-results',
    generateBundle() {
      for (const doc of ['docs/RESULTS.md', 'docs/TRAINING.md']) this.emitFile({ type: 'asset', fileName: doc, source: readFileSync(doc, 'utf8') });
    },
  };
}

/**
 * The built page's Content-Security-Policy: scripts, workers and data only from the page's own origin,
 * no inline script, no eval — except WebAssembly compilation (`wasm-unsafe-eval`, for TF.js's wasm
 * backend). Inline style attributes stay allowed (React and the charts set them). The development server
 * (which injects an inline script for hot reload) gets none.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:", "object-src 'none'",
  "base-uri 'self'", "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

/**
 * The playground is a static site: relative asset URLs (`base: './'`) let `dist/` be served from any
 * sub-path (a project page, a lecture server, a USB stick), and every asset — wasm binaries included — is
 * bundled, so nothing is fetched from a CDN at run time.
 */
export default defineConfig({
  base: './',
  plugins: [react(), measuredResults(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});

import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Ships docs/TRAINING.md (the measured results the page links to) next to the page. */
function measuredResults(): Plugin {
  return {
    name: 'measured-results',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'docs/TRAINING.md', source: readFileSync('docs/TRAINING.md', 'utf8') });
    },
  };
}

/**
 * The playground is a static site: relative asset URLs (`base: './'`) let `dist/` be served from any
 * sub-path (a project page, a lecture server, a USB stick), and every asset — wasm binaries included — is
 * bundled, so nothing is fetched from a CDN at run time.
 */
export default defineConfig({
  base: './',
  plugins: [react(), measuredResults()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});

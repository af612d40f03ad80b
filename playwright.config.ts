import { defineConfig } from '@playwright/test';
import { CHROMIUM_PATH, chromiumArgs } from './scripts/lib/browser.mjs';

/**
 * Browser tests run against the production build (`npm run build`) served by `vite preview` on
 * localhost — a secure context, which WebGPU requires — in Debian's Chromium with WebGPU switched on.
 * Headless Chromium on a machine without a GPU exposes SwiftShader as a *fallback* WebGPU adapter.
 */
const port = Number(process.env.E2E_PORT || 4173);

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1360, height: 900 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: chromiumArgs('swiftshader'),
    },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

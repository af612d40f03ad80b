/**
 * How the page scripts and the browser tests start Debian's Chromium: one set of flags, so what a script
 * measures and what a test sees come from the same browser setup.
 */
import { chromium } from '@playwright/test';

/** The Chromium binary: $CHROMIUM_PATH, else Debian's. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** No sandbox (containers), no first-run, update, sync or QUIC traffic: nothing but the page. */
const QUIET_FLAGS = ['--no-sandbox', '--disable-gpu-sandbox', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-quic'];

/** WebGPU on: SwiftShader's software adapter (no GPU needed; what the tests use) or a real GPU through Vulkan. */
const WEBGPU_FLAGS = {
  swiftshader: ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-unsafe-swiftshader'],
  gpu: ['--enable-unsafe-webgpu', '--enable-features=Vulkan', '--ignore-gpu-blocklist'],
  off: [],
};

/** Chromium's command-line flags for `webgpu` ('swiftshader', 'gpu' or 'off'), then `extra`. */
export function chromiumArgs(webgpu = 'swiftshader', extra = []) {
  const flags = WEBGPU_FLAGS[webgpu];
  if (!flags) throw new Error(`unknown WebGPU setting "${webgpu}" (swiftshader, gpu or off)`);
  return [...QUIET_FLAGS, ...flags, ...extra];
}

/** Launches headless Chromium with `chromiumArgs(webgpu, extra)`. */
export function launchChromium(webgpu = 'swiftshader', extra = []) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs(webgpu, extra) });
}

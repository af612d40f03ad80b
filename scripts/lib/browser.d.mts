/** Types of scripts/lib/browser.mjs (how the page scripts and the browser tests start Chromium). */
import type { Browser } from '@playwright/test';

/** Which WebGPU adapter Chromium offers: SwiftShader's software one, a real GPU's, or none. */
export type WebGpuSetting = 'swiftshader' | 'gpu' | 'off';
/** The Chromium binary: $CHROMIUM_PATH, else Debian's. */
export const CHROMIUM_PATH: string;
/** Chromium's command-line flags for `webgpu`, then `extra`. */
export function chromiumArgs(webgpu?: WebGpuSetting, extra?: string[]): string[];
/** Launches headless Chromium with `chromiumArgs(webgpu, extra)`. */
export function launchChromium(webgpu?: WebGpuSetting, extra?: string[]): Promise<Browser>;

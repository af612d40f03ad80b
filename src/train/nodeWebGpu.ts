/**
 * WebGPU in Node (tests, CLI): dawn.node from the npm package `webgpu`, over the SwiftShader Vulkan driver
 * that Debian's chromium package ships (plus apt `libvulkan1`). Must run before TF.js's WebGPU backend is
 * first imported, which registers itself only if `navigator.gpu` exists at that moment.
 */
import { existsSync } from 'node:fs';

/** Where Debian's chromium package puts SwiftShader's Vulkan driver manifest. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** True when the SwiftShader driver is installed, i.e. `installNodeWebGpu` can give an adapter. */
export function nodeWebGpuAvailable(): boolean {
  return existsSync(process.env.VK_ICD_FILENAMES ?? SWIFTSHADER_ICD);
}

/** Installs `navigator.gpu` (and the WebGPU constant globals TF.js expects) in this Node process. */
export async function installNodeWebGpu(): Promise<void> {
  process.env.VK_ICD_FILENAMES ??= SWIFTSHADER_ICD;
  process.env.XDG_RUNTIME_DIR ??= '/tmp';
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const g = globalThis as unknown as { navigator?: Record<string, unknown> };
  if (!g.navigator) g.navigator = {};
  Object.defineProperty(g.navigator, 'gpu', { value: create([]), configurable: true, writable: true });
}

/** Destroys the WebGPU device and removes `navigator.gpu`, so the Node process can exit. */
export async function uninstallNodeWebGpu(): Promise<void> {
  const tf = await import('@tensorflow/tfjs');
  const backend = tf.findBackend('webgpu') as { device?: GPUDevice } | null;
  const device = backend?.device;
  if (tf.findBackendFactory('webgpu')) tf.removeBackend('webgpu');
  device?.destroy();
  delete (globalThis as { navigator?: { gpu?: unknown } }).navigator?.gpu;
}

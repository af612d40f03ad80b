import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from './backend';
import { selfCheck } from './backendCheck';
import { maxRelativeError } from '../core/numeric';

describe('maxRelativeError', () => {
  it('is relative to the largest reference value and catches NaN and silent zeros', () => {
    expect(maxRelativeError([1, 2.0002], [1, 2])).toBeCloseTo(1e-4, 10);
    expect(maxRelativeError([NaN], [1])).toBe(Infinity);
    expect(maxRelativeError([0, 0], [0.5, -2])).toBe(1);
  });
});

describe('selectBackend in Node', () => {
  it('auto mode probes the CPU backends, picks the fastest and passes the self-check', async () => {
    const choice = await selectBackend({ requested: 'auto' });
    expect(['wasm', 'cpu']).toContain(choice.backend);
    expect(choice.selfCheck.ok).toBe(true);
    expect(choice.selfCheck.maxRelError).toBeLessThan(1e-4);
    expect(choice.probes.filter((p) => p.msPerRun !== undefined).length).toBeGreaterThanOrEqual(2);
    expect(choice.reason).toMatch(/speed probe/);
    expect(tf.getBackend()).toBe(choice.backend);
  });

  it('honours a forced backend', async () => {
    const choice = await selectBackend({ requested: 'cpu' });
    expect(choice.backend).toBe('cpu');
    expect(choice.reason).toMatch(/#backend=cpu/);
  });

  it('falls back, and says why, when the forced backend does not exist here', async () => {
    // Plain Node has no navigator.gpu (the WebGPU-in-Node test installs one separately).
    const choice = await selectBackend({ requested: 'webgpu' });
    expect(choice.backend).not.toBe('webgpu');
    expect(choice.rejected[0]).toMatchObject({ backend: 'webgpu', why: 'not available in this environment' });
    expect(choice.reason).toMatch(/^webgpu was requested in the URL \(#backend=webgpu\), but not available in this environment\. This browser has no WebGPU/);
  });

  it('the self-check is exact on cpu and leaks no tensors', async () => {
    await tf.setBackend('cpu');
    const before = tf.memory().numTensors;
    const check = await selfCheck('cpu');
    expect(check.maxRelError).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { iterationFingerprint } from './backendAgreement';

describe('one training iteration agrees across Node backends', () => {
  it('cpu and wasm sample the same actions and compute the same losses', async () => {
    await tf.setBackend('cpu');
    const cpu = await iterationFingerprint();
    await tf.setBackend('wasm');
    const wasm = await iterationFingerprint();
    expect(wasm.actions).toEqual(cpu.actions);
    expect(Math.abs(wasm.pgLoss - cpu.pgLoss)).toBeLessThan(1e-4 + 1e-3 * Math.abs(cpu.pgLoss));
    expect(Math.abs(wasm.gradNorm - cpu.gradNorm)).toBeLessThan(1e-3 * Math.max(1, cpu.gradNorm));
    expect(Math.abs(wasm.entropy - cpu.entropy)).toBeLessThan(1e-4);
    expect(cpu.gradNorm).toBeGreaterThan(0);
  }, 120_000);
});

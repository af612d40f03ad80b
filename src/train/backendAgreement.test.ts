import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import '../policy/wasmBackend';
import { fingerprintDifferences, iterationFingerprint } from './backendAgreement';

describe('one training iteration agrees across Node backends', () => {
  it('cpu and wasm sample the same actions and compute the same losses', async () => {
    await tf.setBackend('cpu');
    const cpu = await iterationFingerprint();
    await tf.setBackend('wasm');
    const wasm = await iterationFingerprint();
    expect(fingerprintDifferences(wasm, cpu)).toEqual([]);
  });
});

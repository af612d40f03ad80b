import { describe, expect, it } from 'vitest';
import { decodeWeights, encodeWeights, fromBase64, parseCheckpoint, toBase64 } from './checkpoint';

describe('checkpoint encoding', () => {
  it('base64 round-trips any length', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 77 + 5) & 255);
      expect(Array.from(fromBase64(toBase64(bytes)))).toEqual(Array.from(bytes));
    }
    expect(toBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(toBase64(new TextEncoder().encode('Ma'))).toBe('TWE=');
  });

  it('weights round-trip exactly', () => {
    const weights = [{ name: 'w', shape: [2, 2], values: Float32Array.from([1.5, -2, 3.25, 1e-7]) }];
    const back = decodeWeights(encodeWeights(weights));
    expect(Array.from(back[0].values)).toEqual(Array.from(weights[0].values));
  });

  it('rejects a bad file with the field named', () => {
    const result = parseCheckpoint({ format: 'empg-playground-checkpoint', version: 1, env: 'alfworld' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/preset/);
    const bad = parseCheckpoint({
      format: 'empg-playground-checkpoint', version: 1, env: 'alfworld', preset: 'tiny',
      model: { vocabSize: 4, dModel: 2, nLayers: 1, nHeads: 1, context: 8, mlpRatio: 1 },
      tokenizer: { words: ['<pad>', '<bos>', '<eos>', '<unk>'] },
      weights: [{ name: 'w', shape: [2, 2], dtype: 'float32', data: 'AAAA' }], iteration: 0, seed: 1, backend: 'cpu',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/weights\[0\] \(w\): 3 bytes of data for shape \[2,2\], expected 16/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_SIZES, PolicyModel } from '../policy/model';
import { decodeWeights, encodeWeights, expectedWeightShapes, fromBase64, parseCheckpoint, toBase64 } from './checkpoint';

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

describe('a checkpoint is checked for everything the trainer needs', () => {
  const base = () => JSON.parse(readFileSync(new URL('../../public/checkpoints/alfworld-base.json', import.meta.url), 'utf8'));
  const errorsOf = (json: unknown) => {
    const result = parseCheckpoint(json);
    return result.ok ? [] : result.errors;
  };

  it('the expected layout is the model’s own', () => {
    for (const size of ['tiny', 'small'] as const) {
      const config = { ...MODEL_SIZES[size], vocabSize: 11 };
      const model = new PolicyModel(config, 1);
      expect(new Map(model.named.map(({ name, variable }) => [name, variable.shape]))).toEqual(expectedWeightShapes(config));
      model.dispose();
    }
    expect(parseCheckpoint(base()).ok).toBe(true);
  });

  it('refuses wrong shapes, missing or extra weights, bad heads, context, preset, base64 and non-finite weights', () => {
    const cases: [string, (c: ReturnType<typeof base>) => void, RegExp][] = [
      ['wrong shape', (c) => { c.weights[2].shape = [16, 2]; }, /weights\[2\] \(h0\.ln1\.g\): shape \[16,2\], the model needs \[32\]/],
      ['missing weight', (c) => { c.weights.splice(3, 1); }, /weights: missing "h0\.ln1\.b"/],
      ['extra weight', (c) => { c.weights.push({ ...c.weights[2], name: 'h9.extra' }); }, /the model has no weight "h9\.extra"/],
      ['3 heads', (c) => { c.model.nHeads = 3; }, /dModel 32 is not divisible by nHeads 3/],
      ['unknown preset', (c) => { c.preset = 'gigantic'; }, /preset: "gigantic" is not a alfworld preset \(known: tiny/],
      ['bad base64', (c) => { c.weights[2].data = '*'.repeat(c.weights[2].data.length); }, /weights\[2\] \(h0\.ln1\.g\): data is not base64/],
      ['context 8', (c) => { c.model.context = 8; }, /model\.context: 8 tokens, must be 32–512/],
      ['NaN weights', (c) => { c.weights[0].data = toBase64(new Uint8Array(new Float32Array(181 * 32).fill(NaN).buffer)); }, /weights\[0\] \(wte\): value 0 is NaN/],
      ['no special tokens', (c) => { c.tokenizer.words[0] = 'pad'; }, /tokenizer\.words: must start with <pad>/],
      ['duplicate word', (c) => { c.tokenizer.words[5] = c.tokenizer.words[6]; }, /a word appears twice/],
    ];
    for (const [what, spoil, message] of cases) {
      const checkpoint = base();
      spoil(checkpoint);
      expect(errorsOf(checkpoint).join('\n'), what).toMatch(message);
    }
  });
});

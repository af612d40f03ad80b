import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAIN_CONFIG } from '../train/config';
import {
  ALGORITHMS, algorithmOf, configOfAlgorithm, defaultHashState, formatHash, parseHash, presetsFor, trainConfigOf, type HashState,
} from './urlState';

describe('URL hash state', () => {
  it('reads a valid backend and round-trips', () => {
    const { state, problems } = parseHash('#backend=wasm');
    expect(state.backend).toBe('wasm');
    expect(problems).toEqual([]);
    expect(formatHash(state)).toBe('#backend=wasm');
  });

  it('offers ALFWorld-lite\'s long preset, and only there', () => {
    const { state, problems } = parseHash('#preset=long');
    expect(problems).toEqual([]);
    expect(trainConfigOf(state)).toMatchObject({ env: 'alfworld', preset: 'long' });
    expect(formatHash(state)).toBe('#preset=long');
    expect(presetsFor('alfworld')).toContain('long');
    expect(presetsFor('webshop')).not.toContain('long');
    const webshop = parseHash('#env=webshop&preset=long');
    expect(webshop.state.preset).toBe('tiny');
    expect(webshop.given).not.toContain('preset');
    expect(webshop.problems).toEqual(['URL parameter preset="long" exists only for ALFWorld-lite, not webshop; using "tiny".']);
  });

  it('carries the step-entropy mode to the training config, and reports an unknown one', () => {
    const { state, problems } = parseHash('#stepEntropy=normalized');
    expect(problems).toEqual([]);
    expect(trainConfigOf(state).stepEntropy).toBe('normalized');
    expect(formatHash(state)).toBe('#stepEntropy=normalized');
    const bad = parseHash('#stepEntropy=tokens');
    expect(bad.state.stepEntropy).toBe('all');
    expect(bad.problems[0]).toMatch(/stepEntropy="tokens" is invalid/);
  });

  it('carries the model size to the training config, and reports an unknown one', () => {
    const { state, problems } = parseHash('#model=small');
    expect(problems).toEqual([]);
    expect(trainConfigOf(state).modelSize).toBe('small');
    expect(formatHash(state)).toBe('#model=small');
    expect(trainConfigOf(defaultHashState).modelSize).toBe('tiny');
    const bad = parseHash('#model=huge');
    expect(bad.state.model).toBe('tiny');
    expect(bad.problems[0]).toMatch(/model="huge" is invalid/);
  });

  it('uses defaults for missing keys and writes nothing for them', () => {
    expect(parseHash('').state).toEqual(defaultHashState);
    expect(formatHash(parseHash('').state)).toBe('');
  });

  it('takes its training defaults from the training config', () => {
    const config = trainConfigOf(defaultHashState);
    expect(config).toMatchObject({
      env: DEFAULT_TRAIN_CONFIG.env, seed: DEFAULT_TRAIN_CONFIG.seed, lr: DEFAULT_TRAIN_CONFIG.lr,
      groupSize: DEFAULT_TRAIN_CONFIG.groupSize, tasksPerIteration: DEFAULT_TRAIN_CONFIG.tasksPerIteration,
      empg: DEFAULT_TRAIN_CONFIG.empg, algorithm: DEFAULT_TRAIN_CONFIG.algorithm,
    });
  });

  it('reports a bad value and an unknown key, and keeps the defaults', () => {
    const { state, problems } = parseHash('#backend=quantum&colour=red');
    expect(state.backend).toBe('auto');
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/backend="quantum" is invalid/);
    expect(problems.join('\n')).toMatch(/Unknown URL parameter "colour"/);
  });

  it('rejects out-of-range and non-numeric training values with the config schema limits', () => {
    const { state, problems } = parseHash('#lr=-1&G=1000&k=abc&seed=1.5&B=2');
    expect(state.lr).toBe(DEFAULT_TRAIN_CONFIG.lr);
    expect(state.G).toBe(DEFAULT_TRAIN_CONFIG.groupSize);
    expect(state.k).toBe(DEFAULT_TRAIN_CONFIG.k);
    expect(state.seed).toBe(DEFAULT_TRAIN_CONFIG.seed);
    expect(state.B).toBe(2);
    expect(problems.map((p) => p.match(/URL parameter (\w+)=/)?.[1])).toEqual(['seed', 'k', 'lr', 'G']);
  });

  it('round-trips a full teacher link', () => {
    const state: HashState = {
      ...defaultHashState, backend: 'wasm', env: 'webshop', preset: 'small', seed: 7, algo: 'dapo+empg-signal',
      k: 2, kF: 0.5, zeta: 0.25, lr: 0.002, G: 4, B: 2, temperature: 0.7, decoding: 'free', init: 'scratch',
      compare: true, algo2: 'grpo+empg-bonus', smoothing: 0.3, speed: '2s', hide: ['empg', 'io'], tour: true,
    };
    const hash = formatHash(state);
    expect(hash).toContain('algo=dapo+empg-signal');
    expect(hash).toContain('hide=empg,io');
    expect(parseHash(hash)).toMatchObject({ state, problems: [] });
    expect(parseHash(hash).given).toEqual(expect.arrayContaining(['backend', 'env', 'compare', 'hide', 'tour']));
  });

  it('reads a hand-typed algorithm whose + arrived as a space', () => {
    expect(parseHash('#algo=grpo+empg&algo2=DAPO').state).toMatchObject({ algo: 'grpo+empg', algo2: 'dapo' });
  });

  it('rejects an unknown control group in hide=', () => {
    const { state, problems } = parseHash('#hide=empg,everything');
    expect(state.hide).toEqual([]);
    expect(problems[0]).toMatch(/hide="empg,everything" is invalid/);
  });

  it('maps every algorithm choice to config fields and back', () => {
    for (const choice of ALGORITHMS) expect(algorithmOf(configOfAlgorithm(choice))).toBe(choice);
    expect(configOfAlgorithm('grpo+empg-signal')).toEqual({ algorithm: 'grpo', empg: 'full', bonusOnlyInSignalGroups: true });
    expect(trainConfigOf({ ...defaultHashState, compare: true, algo: 'grpo' }, 1)).toMatchObject({ empg: 'full' });
  });

  it('reads the episode step cap and passes it to the training config', () => {
    const { state, problems } = parseHash('#steps=12');
    expect(problems).toEqual([]);
    expect(trainConfigOf(state).maxSteps).toBe(12);
    expect(formatHash(state)).toContain('steps=12');
    expect(trainConfigOf(parseHash('').state).maxSteps).toBeUndefined();
    expect(parseHash('#steps=0').problems[0]).toMatch(/steps/);
  });
});

describe('URL limits and strict numbers', () => {
  it('5,000 unknown keys make one banner line, not 5,000', () => {
    const hash = '#' + Array.from({ length: 5000 }, (_, i) => `junk${i}=1`).join('&');
    const { problems } = parseHash(hash);
    expect(problems.length).toBeLessThanOrEqual(2);
    expect(problems.join('\n')).toMatch(/only the first 100 were read/);
    expect(problems.join('\n')).toMatch(/100 unknown URL parameters "junk0", .* and 95 more were ignored/);
  });

  it('a huge value is refused by its length and never echoed', () => {
    const { state, problems } = parseHash(`#seed=${'9'.repeat(5_000_000)}&G=4`);
    expect(state.seed).toBe(defaultHashState.seed);
    expect(state.G).toBe(4);
    expect(problems).toEqual(['URL parameter seed is 5000000 characters long (at most 200); using the default.']);
  });

  it('refuses hex and other non-decimal numbers, and seeds above the seed field’s maximum', () => {
    for (const value of ['0x10', '1_0', 'Infinity', '0b11', ' ']) {
      const { state, problems } = parseHash(`#G=${encodeURIComponent(value)}`);
      expect(state.G, value).toBe(defaultHashState.G);
      expect(problems, value).toHaveLength(1);
    }
    expect(parseHash('#G=16&lr=1e-3&zeta=.5').state).toMatchObject({ G: 16, lr: 1e-3, zeta: 0.5 });
    expect(parseHash(`#seed=${2 ** 31}`).problems[0]).toMatch(/seed/);
    expect(parseHash(`#seed=${2 ** 31 - 1}`).state.seed).toBe(2 ** 31 - 1);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/prng.ts';
import { Demonstrator } from './demonstrator.ts';
import { WebShopEnv } from './env.ts';
import { planOracle } from './oracle.ts';
import { MAX_ORACLE_STEPS, WEBSHOP_PRESETS, generateCatalogue, presetWorld } from './presets.ts';
import { candidateQueries, usesOnlyInstructionWords } from './queries.ts';
import { goalForSeed } from './world.ts';

function transcript(preset: keyof typeof WEBSHOP_PRESETS, goalIds: number[], seed: number): string {
  const world = presetWorld(WEBSHOP_PRESETS[preset]);
  const env = new WebShopEnv(world, WEBSHOP_PRESETS[preset].env);
  const rng = createRng(seed);
  const lines: string[] = [];
  for (const id of goalIds) {
    lines.push(env.reset({ goal: world.catalogue.goals[id] }).text);
    for (let done = false; !done; ) {
      const result = env.step(rng.pick(env.admissibleActions()));
      lines.push(JSON.stringify(result));
      done = result.terminated || result.truncated;
    }
  }
  return lines.join('\n');
}

describe('generated catalogues', () => {
  it('are byte-identical for the same seed and differ for another', () => {
    const preset = WEBSHOP_PRESETS.tiny;
    const first = JSON.stringify(generateCatalogue(preset, 7));
    expect(JSON.stringify(generateCatalogue(preset, 7))).toBe(first);
    expect(JSON.stringify(generateCatalogue(preset, 8))).not.toBe(first);
  });

  it('give byte-identical transcripts for the same seed', () => {
    expect(transcript('small', [0, 1, 2, 3], 5)).toBe(transcript('small', [0, 1, 2, 3], 5));
    expect(transcript('small', [0, 1, 2, 3], 5)).not.toBe(transcript('small', [0, 1, 2, 3], 6));
  });

  it.each(Object.keys(WEBSHOP_PRESETS))('%s: sizes, splits and the instruction format', (name) => {
    const preset = WEBSHOP_PRESETS[name];
    const { catalogue, splits } = presetWorld(preset);
    expect(catalogue.products.length).toBeGreaterThanOrEqual(300);
    expect(catalogue.products.length).toBeLessThanOrEqual(1000);
    expect(new Set(catalogue.products.map((p) => p.asin)).size).toBe(catalogue.products.length);
    for (const product of catalogue.products) expect(product.asin).toMatch(/^B0[0-9A-Z]{8}$/);
    const all = [...splits.test, ...splits.valid, ...splits.train].sort((a, b) => a - b);
    expect(all).toEqual(catalogue.goals.map((goal) => goal.id));
    expect(splits.test.length).toBeGreaterThan(0);
    for (const goal of catalogue.goals) {
      if (goal.priceUpper !== null) expect(goal.instruction.endsWith(`, and price lower than ${goal.priceUpper.toFixed(2)} dollars`)).toBe(true);
      for (const query of candidateQueries(goal.instruction, preset.env.candidateCount)) expect(usesOnlyInstructionWords(query, goal.instruction)).toBe(true);
    }
    const synthetic = catalogue.goals.filter((goal) => goal.instruction.startsWith('Find me '));
    expect(synthetic.length / catalogue.goals.length).toBeGreaterThan(0.5);
    expect(synthetic.length).toBeLessThan(catalogue.goals.length);
  });
});

describe('oracle and demonstrator', () => {
  it.each(Object.keys(WEBSHOP_PRESETS))('%s: the oracle reaches reward 1 on 200 goals within the step limit', (name) => {
    const preset = WEBSHOP_PRESETS[name];
    const world = presetWorld(preset);
    const env = new WebShopEnv(world, preset.env);
    const goals = world.catalogue.goals.slice(0, 200);
    let won = 0;
    let firstHit = 0;
    for (const goal of goals) {
      const plan = planOracle(world, goal, preset.env.candidateCount);
      expect(plan).not.toBeNull();
      expect(plan!.actions.length).toBeLessThanOrEqual(MAX_ORACLE_STEPS);
      env.reset({ goal });
      let last;
      for (const action of plan!.actions) last = env.step(action);
      if (last?.won && last.reward === 1) won++;
      if (plan!.rank === 0) firstHit++;
    }
    expect(won).toBe(goals.length);
    // The answer must not always be the top hit (envs.md §4.3.2).
    expect(firstHit).toBeLessThan(goals.length * 0.9);
  });

  it('the demonstrator is deterministic given its PRNG and mostly succeeds without noise', () => {
    const preset = WEBSHOP_PRESETS.small;
    const world = presetWorld(preset);
    const env = new WebShopEnv(world, preset.env);
    const run = (noise: number, seed: number) => {
      const demonstrator = new Demonstrator(createRng(seed), noise);
      const actions: string[] = [];
      let wins = 0;
      for (let n = 0; n < 60; n++) {
        let observation = env.reset({ goal: goalForSeed(world, 'train', n) }).text;
        demonstrator.reset();
        for (;;) {
          const admissible = env.admissibleActions();
          const action = demonstrator.act(observation, admissible);
          expect(admissible).toContain(action);
          actions.push(action);
          const result = env.step(action);
          observation = result.observation;
          if (result.terminated || result.truncated) {
            wins += result.won ? 1 : 0;
            break;
          }
        }
      }
      return { actions: actions.join('\n'), wins };
    };
    expect(run(0.3, 1)).toEqual(run(0.3, 1));
    expect(run(0.3, 1).actions).not.toBe(run(0.3, 2).actions);
    expect(run(0, 1).wins).toBeGreaterThanOrEqual(45);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/prng.ts';
import { generateWorldKnowledge, getPreset, presetWorld, relabelKnowledge, trainingWorld } from './presets.ts';
import { planOracle } from './oracle.ts';

describe('training worlds of tiny (relabelled copies)', () => {
  const preset = getPreset('tiny');
  const world = presetWorld(preset);

  it('renames entities within their type and keeps years, facts and words', () => {
    const kb = generateWorldKnowledge(preset);
    const renamed = relabelKnowledge(kb, createRng('relabel-test'));
    expect(renamed.entities.map((e) => e.type)).toEqual(kb.entities.map((e) => e.type));
    expect(new Set(renamed.entities.map((e) => e.name))).toEqual(new Set(kb.entities.map((e) => e.name)));
    expect(renamed.entities.filter((e) => e.type === 'year')).toEqual(kb.entities.filter((e) => e.type === 'year'));
    expect(renamed.facts.map((f) => f.relation)).toEqual(kb.facts.map((f) => f.relation));
    expect(renamed.entities.some((e, i) => e.name !== kb.entities[i].name)).toBe(true);
  });

  it('asks the training questions of the world renamed, never a held-out one, and the oracle solves them', () => {
    const heldOut = new Set((['valid', 'test-id', 'test-ood'] as const).flatMap((s) => world.splits[s].map((id) => `${world.questions[id].text}|${world.questions[id].answer}`)));
    const trainIds = new Set(world.splits.train);
    for (const k of [0, 1, 31]) {
      const copy = trainingWorld(preset, k);
      expect(copy.splits.train.length).toBeGreaterThan(0.9 * world.splits.train.length);
      for (const id of copy.splits.train) {
        const q = copy.questions[id];
        expect(trainIds.has(id)).toBe(true);
        expect(q.relations).toEqual(world.questions[id].relations);
        expect(heldOut.has(`${q.text}|${q.answer}`)).toBe(false);
        expect(planOracle(copy, q, preset.env.topK)).not.toBeNull();
      }
    }
    expect(trainingWorld(preset, 33)).toBe(trainingWorld(preset, 1));
    expect(trainingWorld(preset, 2).questions.map((q) => q.text)).not.toEqual(trainingWorld(preset, 1).questions.map((q) => q.text));
  });

  it('leaves presets without training copies on the world itself', () => {
    const small = getPreset('small');
    expect(small.trainWorlds).toBe(0);
    expect(trainingWorld(small, 5)).toBe(presetWorld(small));
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeepSearchEnv, getPreset, parseKnowledgeBase, planOracle, worldFromKnowledge } from './index.ts';

const example = () => JSON.parse(readFileSync('docs/examples/deepsearch-kb.json', 'utf8')) as { entities: { name: string; type: string }[]; facts: { subject: string; relation: string; object: string }[] };

describe('knowledge-base files', () => {
  it('loads the example, writes questions from it, and the oracle answers them all', () => {
    const parsed = parseKnowledgeBase(example());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const preset = getPreset('tiny');
    const world = worldFromKnowledge(parsed.kb, preset);
    expect(world.splits.train.length).toBeGreaterThan(0);
    expect(world.splits['test-ood'].length).toBeGreaterThan(0);
    const env = new DeepSearchEnv(world, preset.env);
    for (const question of world.questions) {
      env.reset({ question });
      let won = false;
      for (const action of planOracle(world, question, preset.env.topK) ?? []) won = env.step(action).won;
      expect(won, question.text).toBe(true);
    }
  });

  it('names every problem with its path', () => {
    const file = example();
    file.entities.push({ name: 'Arlo', type: 'person' }, { name: 'the', type: 'city' }, { name: 'abc', type: 'year' });
    file.facts.push({ subject: 'arlo', relation: 'born_in', object: 'corvex' }, { subject: 'nobody', relation: 'spouse', object: 'arlo' });
    const parsed = parseKnowledgeBase(file);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const n = file.entities.length;
    const f = file.facts.length;
    expect(parsed.errors).toEqual([
      `entities[${n - 3}].name: "arlo" is used by an earlier entity`,
      `entities[${n - 2}].name: "the" is a word of the question and passage templates`,
      `entities[${n - 1}].name: a year is written in digits, got "abc"`,
      `facts[${f - 2}].object: born_in needs a city, "corvex" is a org`,
      `facts[${f - 2}]: arlo already has a born_in (each relation has one object)`,
      `facts[${f - 1}].subject: no entity is named "nobody"`,
    ]);
    const notAList = parseKnowledgeBase({ entities: 'x' });
    expect(notAList.ok).toBe(false);
    if (notAList.ok) return;
    expect(notAList.errors).toContain('entities: expected a list of entities, got "x"');
    expect(notAList.errors).toContain('facts: expected a list of facts, got nothing');
  });
});

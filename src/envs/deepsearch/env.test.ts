import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/prng.ts';
import {
  answerF1, DEEPSEARCH_PRESETS, DeepSearchEnv, Demonstrator, exactMatch, generateWorldKnowledge, getPreset,
  INVALID_ACTION_MESSAGE, nounsIn, normalizeAnswer, parseAction, planOracle, presetWorld, questionForSeed,
  worldFromKnowledge,
} from './index.ts';

const tiny = getPreset('tiny');
const world = presetWorld(tiny);

describe('answer normalisation (Search-R1 qa_em.py)', () => {
  it('lower-cases, drops punctuation and articles, collapses whitespace', () => {
    expect(normalizeAnswer('The  Beatles!')).toBe('beatles');
    expect(normalizeAnswer('An apple, a day')).toBe('apple day');
    expect(normalizeAnswer("Rock'n'roll")).toBe('rocknroll');
    expect(normalizeAnswer('theatre')).toBe('theatre');
    expect(exactMatch(' the Kavo. ', ['kavo'])).toBe(1);
    expect(exactMatch('kavo lumi', ['kavo'])).toBe(0);
    expect(answerF1('kavo lumi', 'kavo')).toBeCloseTo(2 / 3, 12);
    expect(answerF1('yes', 'no')).toBe(0);
  });
});

describe('Deep Search-lite', () => {
  it.each(Object.keys(DEEPSEARCH_PRESETS))('%s: the oracle answers every question within the step limit', (name) => {
    const preset = getPreset(name);
    const w = presetWorld(preset);
    const env = new DeepSearchEnv(w, preset.env);
    expect(w.splits.train.length).toBeGreaterThan(100);
    expect(w.splits['test-id'].length).toBeGreaterThan(0);
    expect(w.splits['test-ood'].length).toBeGreaterThan(0);
    for (const question of w.questions) {
      const plan = planOracle(w, question, preset.env.topK);
      expect(plan, question.text).not.toBeNull();
      env.reset({ question });
      let last;
      for (const action of plan as string[]) {
        expect(env.admissibleActions()).toContain(action);
        last = env.step(action);
      }
      expect(last?.won, question.text).toBe(true);
      expect(env.stepCount()).toBeLessThanOrEqual(preset.env.stepLimit);
    }
  });

  it('splits by hop pattern: out-of-domain chains are longer or compose an unseen relation pair', () => {
    const pairs = (relations: readonly string[]) => relations.slice(1).map((r, i) => `${relations[i]}>${r}`);
    const idPairs = new Set(world.splits.train.flatMap((id) => pairs(world.questions[id].relations)));
    const idHops = new Set(world.splits.train.filter((id) => world.questions[id].kind === 'compositional').map((id) => world.questions[id].hops));
    for (const id of world.splits['test-ood']) {
      const q = world.questions[id];
      expect(q.domain).toBe('ood');
      expect(!idHops.has(q.hops) || pairs(q.relations).some((p) => !idPairs.has(p)), q.text).toBe(true);
    }
    for (const id of world.splits.train) expect(world.questions[id].domain).toBe('id');
  });

  it('is deterministic: the same seed gives the same world, another seed another', () => {
    const again = worldFromKnowledge(generateWorldKnowledge(tiny, 0), tiny, 0);
    expect(JSON.stringify(again.questions)).toBe(JSON.stringify(world.questions));
    expect(JSON.stringify(again.kb)).toBe(JSON.stringify(world.kb));
    const other = worldFromKnowledge(generateWorldKnowledge(tiny, 1), tiny, 1);
    expect(JSON.stringify(other.kb)).not.toBe(JSON.stringify(world.kb));
    const transcript = () => {
      const env = new DeepSearchEnv(world, tiny.env);
      const rng = createRng(7);
      const lines: string[] = [];
      for (let seed = 0; seed < 20; seed++) {
        lines.push(env.reset({ question: questionForSeed(world, 'train', seed) }).text);
        for (;;) {
          const r = env.step(rng.pick(env.admissibleActions()));
          lines.push(r.observation, String(r.reward));
          if (r.terminated || r.truncated) break;
        }
      }
      return lines.join('\n');
    };
    expect(transcript()).toBe(transcript());
  });

  it('shows passages as Search-R1 does, offers entity × question-noun searches and seen-entity answers', () => {
    const question = world.questions.find((q) => q.kind === 'compositional' && q.hops === 2) as (typeof world.questions)[number];
    const env = new DeepSearchEnv(world, tiny.env);
    expect(env.reset({ question }).text).toBe(`Question: ${question.text}`);
    const nouns = nounsIn(question.text);
    expect(nouns).toHaveLength(2);
    expect(env.admissibleActions()).toEqual([`answer[${question.anchors[0]}]`, ...nouns.map((n) => `search[${question.anchors[0]} ${n}]`)].sort());
    const first = env.step(`search[${question.anchors[0]} ${nouns[1]}]`);
    expect(first.valid).toBe(true);
    expect(first.observation).toMatch(/^<information>Doc 1\(Title: [a-z]+\) the .+ \.\nDoc 2\(Title: /);
    expect(env.admissibleActions()).not.toContain(`search[${question.anchors[0]} ${nouns[1]}]`);
    expect(env.context()).toHaveLength(3);
  });

  it('treats unparsable actions as invalid steps, accepts free text, and truncates at the step limit', () => {
    const question = questionForSeed(world, 'train', 3);
    const env = new DeepSearchEnv(world, { ...tiny.env, stepLimit: 3 });
    env.reset({ question });
    for (const bad of ['', 'search[]', 'look around', 'answer [x]']) {
      const r = env.step(bad);
      if (r.truncated) break;
      expect(r).toMatchObject({ valid: false, observation: INVALID_ACTION_MESSAGE, reward: 0 });
    }
    expect(env.admissibleActions()).toEqual([]);
    env.reset({ question });
    expect(env.step('search[nothing that matches]').observation).toBe('<information></information>');
    const r = env.step(`answer[The ${question.answer.toUpperCase()}!]`);
    expect(r).toMatchObject({ terminated: true, won: true, reward: 1 });
    expect(r.info).toMatchObject({ em: 1, gold: question.answer });
    expect(env.step(`answer[${question.answer}]`)).toMatchObject({ reward: 0, valid: false });
    expect(parseAction('answer[  a   b ]')).toEqual({ name: 'answer', argument: 'a b' });
  });

  it('the demonstrator solves every question from the retrieved passages alone', () => {
    const env = new DeepSearchEnv(world, tiny.env);
    const demonstrator = new Demonstrator(createRng(1));
    let wins = 0;
    for (const question of world.questions) {
      env.reset({ question });
      for (;;) {
        const context = env.context().map((p) => p.text).join(' | ');
        const r = env.step(demonstrator.act(question.text, context, env.admissibleActions()));
        if (r.terminated || r.truncated) {
          wins += r.won ? 1 : 0;
          break;
        }
      }
    }
    expect(wins).toBe(world.questions.length);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/prng';
import {
  AlfworldEnv, ALFWORLD_PRESET_NAMES, exhaustivePlan, generateTask, GOAL_TEMPLATES, isGoalMet, MAX_PLAN_SHARE, oraclePlan,
  playRandomEpisode, TASK_TYPES, VALID_ROOMS,
} from './index';

const SEEDS_PER_PRESET = 500;

describe('ALFWorld-lite generator', () => {
  it('is deterministic: the same seed gives the same world and byte-identical transcripts', () => {
    for (const preset of ALFWORLD_PRESET_NAMES) {
      const a = generateTask(1234, preset);
      const b = generateTask(1234, preset);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      const transcriptA = JSON.stringify(playRandomEpisode(a, createRng(5)));
      const transcriptB = JSON.stringify(playRandomEpisode(b, createRng(5)));
      expect(transcriptA).toBe(transcriptB);
      expect(JSON.stringify(generateTask(1235, preset))).not.toBe(JSON.stringify(a));
    }
  });

  it('pins one generated world so that the stream cannot drift unnoticed', () => {
    const game = generateTask(7, 'small');
    expect(new AlfworldEnv().reset(game).text).toMatchInlineSnapshot(`
      "-= Welcome to TextWorld, ALFRED! =-

      You are in the middle of a room. Looking quickly around you, you see a cabinet 3, a cabinet 2, a cabinet 1, a coffeemachine 1, a countertop 1, a garbagecan 1, a microwave 1, a sinkbasin 1, a stoveburner 2, and a stoveburner 1.

      Your task is to: find two winebottle and put them in countertop."
    `);
  });

  for (const preset of ALFWORLD_PRESET_NAMES) {
    it(`${preset}: the oracle solves every one of ${SEEDS_PER_PRESET} worlds within ${MAX_PLAN_SHARE * 100}% of the limit`, () => {
      const typesSeen = new Set<string>();
      let hidden = 0;
      let duplicated = 0;
      for (let seed = 0; seed < SEEDS_PER_PRESET; seed++) {
        const game = generateTask(seed, preset);
        const { task, initial } = game;
        typesSeen.add(task.type);
        expect(VALID_ROOMS[task.type]).toContain(game.roomType);
        const sentences = GOAL_TEMPLATES[task.type].map((t) =>
          t.replace('{obj}', task.objectType).replace('{recep}', task.receptacleType ?? '').replace('{toggle}', task.lampType ?? ''));
        expect(sentences).toContain(task.description);
        expect(isGoalMet(initial, task)).toBe(false);

        const targets = initial.objects.filter((o) => o.type === task.objectType);
        if (targets.some((o) => initial.receptacles[o.location].openable && !initial.receptacles[o.location].isOpen)) hidden++;
        if (targets.length > 1) duplicated++;

        const plan = oraclePlan(game);
        expect(plan, `seed ${seed}`).not.toBeNull();
        expect(plan!.length).toBeLessThanOrEqual(Math.floor(game.stepLimit * MAX_PLAN_SHARE));
        const env = new AlfworldEnv();
        env.reset(game);
        const results = plan!.map((action) => env.step(action));
        expect(results.every((r) => r.valid)).toBe(true);
        expect(results[results.length - 1].won).toBe(true);
        expect(results.slice(0, -1).some((r) => r.won)).toBe(false);
      }
      expect([...typesSeen].sort()).toEqual([...TASK_TYPES].sort());
      if (preset !== 'tiny') {
        expect(hidden / SEEDS_PER_PRESET).toBeGreaterThan(0.3);
        expect(duplicated / SEEDS_PER_PRESET).toBeGreaterThan(0.3);
      }
    });
  }

  it('the pruned oracle finds plans exactly as short as an exhaustive search', () => {
    for (let seed = 0; seed < 40; seed++) {
      const game = generateTask(seed, 'tiny');
      const pruned = oraclePlan(game);
      const full = exhaustivePlan(game, { maxDepth: pruned!.length });
      expect(full, `seed ${seed}`).not.toBeNull();
      expect(pruned!.length, `seed ${seed}`).toBe(full!.length);
    }
  });

  it('calibrates difficulty: random success is 3–15% on tiny (25 steps) and a few percent at most on standard', () => {
    const rate = (preset: string, episodes: number) => {
      const rng = createRng(`random-policy/${preset}`);
      let wins = 0;
      for (let i = 0; i < episodes; i++) if (playRandomEpisode(generateTask(50_000 + i, preset), rng).won) wins++;
      return wins / episodes;
    };
    const tiny = rate('tiny', 400);
    expect(tiny).toBeGreaterThan(0.03);
    expect(tiny).toBeLessThan(0.15);
    expect(rate('standard', 200)).toBeLessThan(0.03);
  });
});

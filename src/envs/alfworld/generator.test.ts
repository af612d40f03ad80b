import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/prng';
import {
  AlfworldEnv, ALFWORLD_PRESET_NAMES, ALFWORLD_PRESETS, exhaustivePlan, generateTask, GOAL_TEMPLATES, isGoalMet, MAX_PLAN_SHARE, oraclePlan,
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

  it('keeps the worlds of tiny, small and standard byte for byte (seeds 0–99; the research grid trains on tiny)', () => {
    const digest = (preset: string) => {
      const hash = createHash('sha256');
      for (let seed = 0; seed < 100; seed++) hash.update(JSON.stringify(generateTask(seed, preset)));
      return hash.digest('hex').slice(0, 16);
    };
    expect(digest('tiny')).toBe('0b77f106bf542346');
    expect(digest('small')).toBe('f82492bd0ec61ef2');
    expect(digest('standard')).toBe('ff3ec76684131eb9');
  });

  it('long: every goal object starts shut in a closed container, pick-two objects in two, plans of at least 5 steps', () => {
    const preset = ALFWORLD_PRESETS.long;
    expect(preset.stepLimit).toBe(50);
    const lengths: number[] = [];
    for (let seed = 0; seed < 200; seed++) {
      const game = generateTask(seed, 'long');
      const { initial, task } = game;
      expect(game.stepLimit).toBe(50);
      // Rooms whose ranges draw fewer receptacles than the preset asks for keep what they drew.
      expect(initial.receptacles.length).toBeGreaterThanOrEqual(8);
      expect(initial.receptacles.length).toBeLessThanOrEqual(preset.receptacles[1]);
      expect(initial.receptacles.every((r) => !r.isOpen)).toBe(true);
      const targets = initial.objects.filter((o) => o.type === task.objectType);
      for (const target of targets) {
        const home = initial.receptacles[target.location];
        expect(home.openable && !home.isOpen, `seed ${seed}: ${target.name} in ${home.name}`).toBe(true);
      }
      if (task.type === 'pick_two_obj_and_place') expect(new Set(targets.map((o) => o.location)).size).toBeGreaterThanOrEqual(2);
      const plan = oraclePlan(game)!;
      expect(plan.length).toBeGreaterThanOrEqual(preset.minPlanLength ?? 0);
      lengths.push(plan.length);
    }
    const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length;
    expect(mean).toBeGreaterThan(6);
    expect(Math.max(...lengths)).toBeGreaterThanOrEqual(10);
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

import { describe, expect, it } from 'vitest';
import { handmadeCatalogue } from './__fixtures__/handmade.ts';
import { WebShopEnv, parseAction } from './env.ts';
import { buildWorld } from './world.ts';

const catalogue = handmadeCatalogue();
const goal = catalogue.goals[0];
const I = goal.instruction;
const world = buildWorld(catalogue);

function freeEnv(stepLimit = 15): WebShopEnv {
  const env = new WebShopEnv(world, { searchMode: 'free', candidateCount: 3, stepLimit });
  env.reset({ goal });
  return env;
}

const plainMugs = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, k) => {
    const id = String(from + k).padStart(2, '0');
    return `B0TESTMG${id} [SEP] Acme Plain Mug ${id} [SEP] $${(10 + from + k).toFixed(2)}`;
  }).join(' [SEP] ');

describe('WebShop-lite pages', () => {
  it('renders the search page verbatim and offers the candidate searches, sorted', () => {
    const env = new WebShopEnv(world, { candidateCount: 3 });
    const observation = env.reset({ goal });
    expect(observation.text).toBe(`WebShop [SEP] Instruction: [SEP] ${I} [SEP] Search`);
    expect(observation.goal).toBe(I);
    const actions = env.admissibleActions();
    expect(actions).toHaveLength(3);
    expect(actions).toContain('search[find me dishwasher safe coffee mugs with color navy blue and size 16 oz]');
    expect([...actions].sort()).toEqual(actions);
  });

  it('renders results pages with pagination, and the item, sub-pages and done page', () => {
    const env = freeEnv();
    let result = env.step('search[coffee]');
    expect(result.valid).toBe(true);
    expect(result.observation).toBe(`Instruction: [SEP] ${I} [SEP] Back to Search [SEP] Page 1 (Total results: 11) [SEP] Next > [SEP] ${plainMugs(2, 11)}`);
    expect(env.admissibleActions()).toEqual(['click[back to search]', 'click[next >]', ...Array.from({ length: 10 }, (_, k) => `click[b0testmg${String(k + 2).padStart(2, '0')}]`)]);
    result = env.step('click[next >]');
    expect(result.observation).toBe(`Instruction: [SEP] ${I} [SEP] Back to Search [SEP] Page 2 (Total results: 11) [SEP] < Prev [SEP] Next > [SEP] ${plainMugs(12, 12)}`);
    expect(env.admissibleActions()).toEqual(['click[back to search]', 'click[< prev]', 'click[next >]', 'click[b0testmg12]']);
    result = env.step('click[next >]');
    expect(result.observation).toBe(`Instruction: [SEP] ${I} [SEP] Back to Search [SEP] Page 3 (Total results: 11) [SEP] < Prev [SEP] Next >`);
    env.step('click[< prev]');
    result = env.step('click[< prev]');
    expect(result.observation).toContain('Page 1 (Total results: 11)');
    result = env.step('click[back to search]');
    expect(result.observation).toBe(`WebShop [SEP] Instruction: [SEP] ${I} [SEP] Search`);

    env.step('search[dishwasher safe]');
    result = env.step('click[b0testmg01]');
    const item = `Instruction: [SEP] ${I} [SEP] Back to Search [SEP] < Prev [SEP] color [SEP] navy blue [SEP] white [SEP] size [SEP] 12 oz [SEP] 16 oz [SEP] Acme Dishwasher Safe Ceramic Mug [SEP] Price: $12.00 to $18.00 [SEP] Rating: N.A. [SEP] Description [SEP] Features [SEP] Reviews [SEP] Buy Now`;
    expect(result.observation).toBe(item);
    expect(env.admissibleActions()).toEqual([
      'click[back to search]', 'click[< prev]', 'click[navy blue]', 'click[white]', 'click[12 oz]', 'click[16 oz]',
      'click[description]', 'click[features]', 'click[reviews]', 'click[buy now]',
    ]);
    expect(env.step('click[features]').observation).toBe(`Instruction: [SEP] ${I} [SEP] Back to Search [SEP] < Prev [SEP] Dishwasher safe ceramic. [SEP] Gift box included.`);
    expect(env.step('click[< prev]').observation).toBe(item);
    expect(env.step('click[description]').observation).toBe(`Instruction: [SEP] ${I} [SEP] Back to Search [SEP] < Prev [SEP] Stoneware mug, microwave safe.`);
    expect(env.step('click[< prev]').observation).toBe(item);
    expect(env.stepCount()).toBe(12);
    // Option choices are not shown in simple mode.
    expect(env.step('click[navy blue]').observation).toBe(item);
    env.step('click[16 oz]');
    result = env.step('click[buy now]');
    expect(result.observation.startsWith('Thank you for shopping with us! [SEP] Your score (min 0.0, max 1.0) [SEP] 1.0 [SEP] Purchased')).toBe(true);
    expect(result).toMatchObject({ reward: 1, terminated: true, truncated: false, won: true, valid: true });
    expect(result.info).toMatchObject({ score: 1, r_type: 1, r_att: 1, r_option: 1, r_price: 1, r_exact: 1 });
    expect(env.admissibleActions()).toEqual([]);
  });

  it('< prev from an item returns to the same results page; a new product forgets the options', () => {
    const env = freeEnv();
    env.step('search[coffee]');
    env.step('click[next >]');
    env.step('click[b0testmg12]');
    expect(env.step('click[< prev]').observation).toContain('Page 2 (Total results: 11)');
    env.step('back to search');
    env.step('click[back to search]');
    env.step('search[dishwasher safe]');
    env.step('click[b0testmg01]');
    env.step('click[white]');
    env.step('click[< prev]');
    env.step('click[b0testmg01]');
    const result = env.step('click[buy now]');
    expect(result.info).toMatchObject({ r_option: 0, num_option_matches: 0 });
  });
});

describe('WebShop-lite actions', () => {
  it('parses like parse_action and lower-cases the argument only', () => {
    expect(parseAction('click[Next >]')).toEqual({ name: 'click', argument: 'next >' });
    expect(parseAction('search[Dishwasher SAFE]')).toEqual({ name: 'search', argument: 'dishwasher safe' });
    expect(parseAction('buy now')).toBeNull();
    const env = freeEnv();
    env.step('search[COFFEE]');
    const result = env.step('click[B0TESTMG02]');
    expect(result.valid).toBe(true);
    expect(result.observation).toContain('Acme Plain Mug 02 [SEP] Price: $12.00');
    expect(env.step('Click[description]').valid).toBe(false);
  });

  it('treats invalid actions as silent no-ops that use a step', () => {
    const env = freeEnv();
    const start = env.observation();
    for (const action of ['click[buy now]', 'click[search]', 'search[]', 'search[unicorn]', 'hello', 'x'.repeat(10_000), '[[]]', 'click[next >]']) {
      const result = env.step(action);
      expect(result).toMatchObject({ valid: false, reward: 0, terminated: false, observation: start });
    }
    expect(env.stepCount()).toBe(8);
    // On a results page a click on a product of another page does nothing either.
    env.step('search[coffee]');
    const page1 = env.observation();
    expect(env.step('click[b0testmg12]')).toMatchObject({ valid: false, observation: page1 });
    expect(env.step('click[description]')).toMatchObject({ valid: false, observation: page1 });
  });

  it('accepts searches from any page, and only candidate queries in candidates mode', () => {
    const env = new WebShopEnv(world, { searchMode: 'candidates', candidateCount: 3 });
    env.reset({ goal });
    expect(env.step('search[coffee]').valid).toBe(false);
    const candidate = env.admissibleActions()[0];
    expect(env.step(candidate).valid).toBe(true);
    expect(env.step(candidate.toUpperCase().replace('SEARCH', 'search')).valid).toBe(true);
    const free = freeEnv();
    free.step('search[coffee]');
    free.step('click[b0testmg02]');
    expect(free.step('search[dishwasher safe]').observation).toContain('B0TESTMG01');
  });

  it('cuts the episode at the step limit with zero reward', () => {
    const env = freeEnv(3);
    env.step('search[coffee]');
    env.step('click[next >]');
    const result = env.step('click[< prev]');
    expect(result).toMatchObject({ terminated: false, truncated: true, reward: 0, won: false });
    expect(env.admissibleActions()).toEqual([]);
    expect(env.step('search[coffee]')).toMatchObject({ valid: false, terminated: true });
  });

  it('does not reveal the goal before the purchase', () => {
    const env = freeEnv();
    const seen = [env.observation(), env.step('search[dishwasher safe]').observation, env.step('click[b0testmg01]').observation];
    for (const text of seen) expect(text).not.toMatch(/B0TESTMG01.*Target|price upper|attrs/);
    expect(env.step('click[buy now]').observation).toContain('Target [SEP] asin [SEP] B0TESTMG01');
  });
});

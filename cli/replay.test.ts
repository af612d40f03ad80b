/**
 * The `replay` and `envstats` commands, run as the user runs them (a child process through tsx): the §1.3
 * transcript of the real ALFWorld, a WebShop purchase from the example catalogue, and readable errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'empg-cli-'));

/** Runs `npm run cli -- …` without npm's own output; returns the exit status and both streams. */
function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Writes a scratch file and returns its path. */
function scratchFile(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

interface ReplayLine { step: number; action: string | null; observation: string; reward: number; done: boolean; admissible: string[] }

const parseLines = (stdout: string): ReplayLine[] => stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as ReplayLine);

/**
 * reference/envs.md §1.3 (RA `react_clean_1`), verbatim, with the two differences §1.3 itself names for
 * ALFWorld ≥ 0.4: every `go to` answer starts with `You arrive at <recep>. `, and the put verb is `move`.
 */
const REACT_CLEAN_1: ReadonlyArray<readonly [string, string]> = [
  ['go to fridge 1', 'The fridge 1 is closed.'],
  ['open fridge 1', 'You open the fridge 1. The fridge 1 is open. In it, you see a lettuce 2, a mug 2, a potato 2, and a tomato 1.'],
  ['go to diningtable 1', 'On the diningtable 1, you see nothing.'],
  ['go to garbagecan 1', 'On the garbagecan 1, you see a apple 3, and a egg 3.'],
  ['take apple 3 from garbagecan 1', 'You pick up the apple 3 from the garbagecan 1.'],
  ['go to sinkbasin 1', 'On the sinkbasin 1, you see a cup 2, a egg 1, a mug 1, and a potato 3.'],
  ['clean apple 3 with sinkbasin 1', 'You clean the apple 3 using the sinkbasin 1.'],
  ['go to sidetable 1', 'On the sidetable 1, you see a cup 1, a lettuce 1, a peppershaker 3, a potato 1, and a saltshaker 1.'],
  ['put apple 3 in/on sidetable 1', 'You put the apple 3 in/on the sidetable 1.'],
];

/** The ≥ 0.4 wording of a §1.3 observation. */
function modernWording(action: string, observation: string): string {
  if (action.startsWith('go to ')) return `You arrive at ${action.slice('go to '.length)}. ${observation}`;
  const put = /^You put the (.+) in\/on the (.+)\.$/.exec(observation);
  return put ? `You move the ${put[1]} to the ${put[2]}.` : observation;
}

const REACT_CLEAN_1_START = '-= Welcome to TextWorld, ALFRED! =-\n\n'
  + 'You are in the middle of a room. Looking quickly around you, you see a cabinet 4, a cabinet 3, a cabinet 2, a cabinet 1, '
  + 'a coffeemachine 1, a countertop 1, a diningtable 3, a diningtable 2, a diningtable 1, a drawer 1, a fridge 1, a garbagecan 1, '
  + 'a microwave 1, a sidetable 1, a sinkbasin 1, a stoveburner 4, a stoveburner 3, a stoveburner 2, a stoveburner 1, and a toaster 1.\n\n'
  + 'Your task is to: clean some apple and put it in sidetable.';

describe('replay --env alfworld', () => {
  it('reproduces the real react_clean_1 transcript (envs.md §1.3) from the example scene', () => {
    const run = cli('replay', '--env', 'alfworld', '--scene', 'docs/examples/alfworld-scene.json', '--actions', 'docs/examples/alfworld-actions.txt');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = parseLines(run.stdout);
    expect(lines).toHaveLength(REACT_CLEAN_1.length + 1);
    expect(lines[0]).toMatchObject({ step: 0, action: null, observation: REACT_CLEAN_1_START, reward: 0, done: false });
    expect(lines[0].admissible).toContain('go to fridge 1');
    REACT_CLEAN_1.forEach(([action, observation], i) => {
      const last = i === REACT_CLEAN_1.length - 1;
      expect(lines[i + 1]).toMatchObject({ step: i + 1, action, observation: modernWording(action, observation), reward: last ? 1 : 0, done: last });
    });
    expect(lines.at(-1)?.admissible).toEqual([]);
    // Keys in DESIGN.md's order, one object per line.
    expect(Object.keys(lines[1])).toEqual(['step', 'action', 'observation', 'reward', 'done', 'admissible']);
  });

  it('replays a generated world from a seed, identically twice', () => {
    const actions = scratchFile('look.txt', 'look\ninventory\njump over the moon\n');
    const first = cli('replay', '--env', 'alfworld', '--seed', '7', '--preset', 'tiny', '--actions', actions);
    expect(first.status).toBe(0);
    expect(cli('replay', '--env', 'alfworld', '--seed', '7', '--preset', 'tiny', '--actions', actions).stdout).toBe(first.stdout);
    const lines = parseLines(first.stdout);
    expect(lines.map((l) => l.step)).toEqual([0, 1, 2, 3]);
    expect(lines[3]).toMatchObject({ action: 'jump over the moon', observation: 'Nothing happens.', done: false });
  });
});

describe('replay --env webshop', () => {
  it('buys the goal product of the example catalogue with reward 1', () => {
    const actions = scratchFile('mugs.txt', 'search[16 oz]\nclick[b0mug00001]\nclick[navy blue]\n\nclick[16 oz]\nclick[buy now]\n');
    const run = cli('replay', '--env', 'webshop', '--catalogue', 'docs/examples/webshop-catalogue.json', '--goal', '0', '--actions', actions);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = parseLines(run.stdout);
    expect(lines[0]).toMatchObject({ step: 0, action: null, reward: 0, done: false });
    expect(lines[0].observation).toBe('WebShop [SEP] Instruction: [SEP] Find me dishwasher safe coffee mugs with color: navy blue, '
      + 'and size: 16 oz, and price lower than 30.00 dollars [SEP] Search');
    expect(lines[0].admissible).toContain('search[16 oz]');
    expect(lines.map((l) => l.action)).toEqual([null, 'search[16 oz]', 'click[b0mug00001]', 'click[navy blue]', 'click[16 oz]', 'click[buy now]']);
    expect(lines[1].observation).toContain('Page 1 (Total results: 2) [SEP] Next > [SEP] B0MUG00002');
    expect(lines.at(-1)).toMatchObject({ step: 5, reward: 1, done: true, admissible: [] });
    expect(lines.at(-1)?.observation).toMatch(/^Thank you for shopping with us! \[SEP\] Your score \(min 0\.0, max 1\.0\) \[SEP\] 1\.0 /);
  });

  it('plays a generated catalogue from a seed', () => {
    const actions = scratchFile('nothing.txt', 'click[nothing]\n');
    const run = cli('replay', '--env', 'webshop', '--seed', '0', '--preset', 'tiny', '--actions', actions);
    expect(run.status).toBe(0);
    const lines = parseLines(run.stdout);
    expect(lines[1]).toMatchObject({ step: 1, observation: lines[0].observation, reward: 0, done: false });
  });
});

describe('bad input gets a clear message and exit status 2', () => {
  const actions = 'docs/examples/alfworld-actions.txt';
  const cases: Array<[string, string[], RegExp]> = [
    ['no --env', ['replay', '--actions', actions], /--env is required/],
    ['an unknown env', ['replay', '--env', 'nethack', '--actions', actions], /unknown --env "nethack"/],
    ['an unknown flag', ['replay', '--env', 'alfworld', '--sceen', 'x.json'], /Unknown option '--sceen'/],
    ['no actions', ['replay', '--env', 'alfworld', '--seed', '1'], /needs --actions FILE/],
    ['no world', ['replay', '--env', 'alfworld', '--actions', actions], /needs --scene FILE or --seed N/],
    ['a missing actions file', ['replay', '--env', 'alfworld', '--seed', '1', '--actions', 'no/such.txt'], /cannot read actions no\/such\.txt/],
    ['a missing scene', ['replay', '--env', 'alfworld', '--scene', 'no/such.json', '--actions', actions], /cannot read scene no\/such\.json/],
    ['a non-integer seed', ['replay', '--env', 'alfworld', '--seed', 'abc', '--actions', actions], /--seed must be an integer, got "abc"/],
    ['an unknown preset', ['replay', '--env', 'alfworld', '--seed', '1', '--preset', 'huge', '--actions', actions], /unknown ALFWorld preset "huge"/],
    ['a scene flag for webshop', ['replay', '--env', 'webshop', '--scene', 'x.json', '--actions', actions], /--scene is an ALFWorld flag/],
    ['a goal that does not exist', ['replay', '--env', 'webshop', '--catalogue', 'docs/examples/webshop-catalogue.json', '--goal', '9', '--actions', actions], /goal 9 does not exist/],
    ['an unknown envstats env', ['envstats', '--env', 'nethack'], /unknown --env "nethack"/],
  ];
  it.each(cases)('%s', (_name, args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^error: /);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('names the file of bad JSON', () => {
    const broken = scratchFile('broken.json', '{"receptacles": [');
    for (const [env, flag] of [['alfworld', '--scene'], ['webshop', '--catalogue']]) {
      const run = cli('replay', '--env', env, flag, broken, '--actions', actions);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`${broken} is not valid JSON`);
    }
  });

  it('lists the field-named problems of an invalid scene', () => {
    const scene = scratchFile('scene.json', JSON.stringify({
      receptacles: [{ name: 'countertop 1', contents: ['spoonn 1'] }],
      task: { type: 'pick_and_place_simple', object: 'apple', receptacle: 'bed' },
    }));
    const run = cli('replay', '--env', 'alfworld', '--scene', scene, '--actions', actions);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`invalid scene ${scene}`);
    expect(run.stderr).toContain('receptacles[0].contents[0]: unknown object type "spoonn"');
    expect(run.stderr).toContain('task.receptacle: the scene has no bed');
  });

  it('lists the field-named problems of an invalid catalogue', () => {
    const catalogue = scratchFile('catalogue.json', JSON.stringify({ products: [{ asin: 'B0X', title: 't', query: 'q', productCategory: 'a', price: 'abc' }] }));
    const run = cli('replay', '--env', 'webshop', '--catalogue', catalogue, '--actions', actions);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`${catalogue} is not a valid WebShop catalogue`);
    expect(run.stderr).toContain('products[0].price: expected a number ≥ 0, got "abc"');
  });
});

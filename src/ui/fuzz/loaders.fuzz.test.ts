/**
 * Fuzz tests of every loader of user input: 1,000 seeded mutations of a valid input each (URL hash,
 * scene file, catalogue file, checkpoint, recording, metric JSON lines). Each must give a valid result
 * or a plain Error / error list that names the problem, never an escaped TypeError or RangeError, and
 * must finish (the suite's guard catches a hang). The tallies are printed for docs/RELIABILITY.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/prng';
import { hashSchema, parseHash } from '../../store/urlState';
import { parseCheckpoint } from '../../train/checkpoint';
import { DEFAULT_TRAIN_CONFIG } from '../../train/config';
import { readCheckpointFile } from '../io/checkpointFile';
import { metricsJsonLines } from '../io/metricsExport';
import { readRunFile } from '../io/recordingMode';
import { worldFromFile } from '../play/playModel';
import { mutateJson, mutateText } from './mutate';

const CASES = 1000;
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

/** A mutated input: half of them mutate the parsed JSON, half the text. */
function inputs(seedText: string, label: string, json = true): string[] {
  const rng = createRng(`fuzz:${label}`);
  const parsed = json ? JSON.parse(seedText) : null;
  return Array.from({ length: CASES }, () => (json && rng.chance(0.5) ? JSON.stringify(mutateJson(parsed, rng)) ?? '' : mutateText(seedText, rng)));
}

type Outcome = 'valid' | 'refused';

/** Runs a throwing loader: a plain Error naming the file is a refusal; anything else fails the test. */
function throwing(load: () => unknown, name: string): Outcome {
  try {
    load();
    return 'valid';
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(Error);
    expect((error as Error).constructor, `${(error as Error).name}: ${(error as Error).message}`).toBe(Error);
    expect((error as Error).message).toContain(name);
    return 'refused';
  }
}

function tally(outcomes: Outcome[]): Record<Outcome, number> {
  return { valid: outcomes.filter((o) => o === 'valid').length, refused: outcomes.filter((o) => o === 'refused').length };
}

describe(`fuzzing the loaders (${CASES} seeded inputs each)`, () => {
  it('URL hash: never throws; the state always passes the schema', () => {
    const rng = createRng('fuzz:url');
    const base = '#env=webshop&preset=small&seed=3&algo=grpo+empg&k=2&G=4&B=2&steps=8&lr=0.01&compare=1&hide=io,speed&smoothing=0.5';
    const outcomes = Array.from({ length: CASES }, () => {
      const hash = mutateText(rng.chance(0.5) ? base : decodeURIComponent(base), rng) + (rng.chance(0.2) ? `&${'k'.repeat(rng.int(300))}=${'9'.repeat(rng.int(5000))}` : '');
      const parsed = parseHash(hash);
      expect(hashSchema.safeParse(parsed.state).success).toBe(true);
      for (const problem of parsed.problems) expect(problem.length).toBeLessThan(2000);
      return parsed.problems.length ? 'refused' : 'valid';
    });
    console.log('fuzz url', tally(outcomes as Outcome[]));
  });

  it('scene and catalogue files: a world or a list of errors', () => {
    for (const [file, env] of [['docs/examples/alfworld-scene.json', 'alfworld'], ['docs/examples/webshop-catalogue.json', 'webshop']] as const) {
      const outcomes = inputs(read(file), file).map((text, i): Outcome => {
        let result: ReturnType<typeof worldFromFile> | undefined;
        const outcome = throwing(() => { result = worldFromFile(`case${i}.json`, text, env, i); }, `case${i}.json`);
        expect(outcome).toBe('valid');
        if (result!.ok) return 'valid';
        expect(result!.errors.length).toBeGreaterThan(0);
        for (const e of result!.errors) expect(typeof e).toBe('string');
        return 'refused';
      });
      console.log('fuzz', env, 'file', tally(outcomes));
    }
  });

  it('checkpoints: a usable checkpoint or an error naming the file and field', () => {
    const outcomes = inputs(read('public/checkpoints/alfworld-base.json'), 'checkpoint').map((text, i) => {
      const outcome = throwing(() => readCheckpointFile(text, `ckpt${i}.json`), `ckpt${i}.json`);
      // What the page accepts the worker accepts too: the same deep check.
      if (outcome === 'valid') expect(parseCheckpoint(JSON.parse(text)).ok).toBe(true);
      return outcome;
    });
    console.log('fuzz checkpoint', tally(outcomes));
  });

  it('recordings and metric JSON lines: a run to view or an error naming the file', () => {
    const recording = inputs(read('public/recordings/webshop.json'), 'recording').map((text, i) => throwing(() => readRunFile(text, `rec${i}.json`), `rec${i}.json`));
    console.log('fuzz recording', tally(recording));
    const history = Array.from({ length: 20 }, (_, i) => ({ 'iteration': i + 1, 'env/success_rate': i / 20, 'reward/mean': i / 40 }));
    const lines = metricsJsonLines([{ config: DEFAULT_TRAIN_CONFIG, history }]);
    const jsonl = inputs(lines, 'jsonl', false).map((text, i) => throwing(() => readRunFile(text, `run${i}.jsonl`), `run${i}.jsonl`));
    console.log('fuzz metrics-jsonl', tally(jsonl));
  });
});

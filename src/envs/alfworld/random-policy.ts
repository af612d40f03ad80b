/**
 * The uniform random policy: at every step, one admissible action drawn uniformly. It is the baseline the
 * presets are calibrated against (random success ≈ 10–30% on `tiny`, a few percent at most on `standard`).
 */
import type { Rng } from '../../core/prng';
import { AlfworldEnv } from './env';
import type { AlfworldGame } from './world';

/** One step of a recorded episode. */
export interface TranscriptStep {
  action: string;
  observation: string;
  reward: number;
  done: boolean;
}

/** Plays one episode with uniformly random admissible actions; returns whether it won and the transcript. */
export function playRandomEpisode(game: AlfworldGame, rng: Rng): { won: boolean; initial: string; steps: TranscriptStep[] } {
  const env = new AlfworldEnv();
  const initial = env.reset(game).text;
  const steps: TranscriptStep[] = [];
  let won = false;
  while (!env.done) {
    const action = rng.pick(env.admissibleActions());
    const result = env.step(action);
    won = result.won;
    steps.push({ action, observation: result.observation, reward: result.reward, done: result.terminated || result.truncated });
  }
  return { won, initial, steps };
}

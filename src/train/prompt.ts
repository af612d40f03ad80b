/**
 * What the policy reads at each step, compacted to a fixed token budget:
 *
 *   <bos> task : {instruction} . done : {a₁} ; {a₂} ; … . now : {current observation}
 *
 * The task and the current observation always come first in priority (the observation is cut at its
 * end only if it alone overflows); the actions taken so far fill what is left, newest kept first. The
 * action history is the memory the task needs — which receptacles were opened, what is held — in the
 * spirit of verl-agent's recent-history prompt, at a size a tiny model can read.
 */
import { BOS_ID, type Tokenizer } from '../policy/tokenizer';

/** The parts of a prompt. */
export interface PromptInput {
  task: string;
  /** The observation as the prompt shows it (`EpisodeView.compact`). */
  observation: string;
  /** Actions taken so far in this episode, oldest first. */
  history: readonly string[];
}

/**
 * Token ids of the prompt, at most `budget` long, starting with BOS. `tokenizer` may be any encoder of
 * the tokenizer's texts, such as a memo of its `encode` (the rollout's: its texts repeat across steps and
 * episodes); the arrays it returns are only read.
 */
export function buildPrompt(tokenizer: Pick<Tokenizer, 'encode'>, input: PromptInput, budget: number): number[] {
  const encode = (text: string) => tokenizer.encode(text);
  const head = [BOS_ID, ...encode('task :'), ...encode(input.task), ...encode('.')];
  const nowLabel = encode('now :');
  const doneLabel = encode('done :');
  let observation = encode(input.observation);
  const fixed = head.length + nowLabel.length;
  if (fixed + observation.length > budget) observation = observation.slice(0, Math.max(0, budget - fixed));

  // Newest actions first, as long as they fit with their separators.
  let room = budget - fixed - observation.length - doneLabel.length - 1;
  const kept: number[][] = [];
  for (let i = input.history.length - 1; i >= 0 && room > 0; i--) {
    const action = encode(input.history[i]);
    const cost = action.length + 1;
    if (cost > room) break;
    kept.unshift(action);
    room -= cost;
  }
  const history = kept.length ? [...doneLabel, ...kept.flatMap((a, i) => (i === 0 ? a : [...encode(';'), ...a])), ...encode('.')] : [];
  return [...head, ...history, ...nowLabel, ...observation].slice(0, budget);
}

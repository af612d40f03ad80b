/**
 * Policies that see only what the trained policy sees — the question, the passages retrieved so far and the
 * admissible actions: the demonstrator (for supervised warm-start demonstrations, and the heuristic
 * baseline at noise 0) and the single-search baseline (retrieve once, answer from the top passage, as the
 * one-retrieval RAG baselines of Search-R1's tables do).
 */
import type { Rng } from '../../core/prng.ts';

/** The structure a question's text shows. */
export interface ParsedQuestion {
  /** Entities to start from: one for a chain, two for a comparison. */
  anchors: string[];
  /** Relation nouns to follow from each anchor, innermost first. */
  nouns: string[];
  /** A comparison answers the anchor whose last value is the smaller year. */
  comparison: boolean;
}

/** Reads the three question templates; null for any other text. */
export function parseQuestion(text: string): ParsedQuestion | null {
  const chain = /^what is the (.+) of ([a-z0-9]+) \?$/.exec(text);
  if (chain) return { anchors: [chain[2]], nouns: chain[1].split(' of the ').reverse(), comparison: false };
  const comparison = /^which has the earlier (.+) , ([a-z0-9]+) or ([a-z0-9]+) \?$/.exec(text);
  if (comparison) return { anchors: [comparison[2], comparison[3]], nouns: [comparison[1]], comparison: true };
  const bridge = /^whose (.+) has the earlier (.+) , ([a-z0-9]+) or ([a-z0-9]+) \?$/.exec(text);
  if (bridge) return { anchors: [bridge[3], bridge[4]], nouns: [bridge[1], bridge[2]], comparison: true };
  return null;
}

/** The object of `the {noun} of {entity} is X .` in the retrieved text, or null. */
export function readFact(context: string, entity: string, noun: string): string | null {
  const match = new RegExp(`the ${noun} of ${entity} is ([a-z0-9]+) \\.`).exec(context);
  return match ? match[1] : null;
}

/**
 * The next action of a careful reader: follow the question's nouns from each anchor, reading each fact from
 * the retrieved passages and searching `entity noun` when it is not there yet, then answer (the chain's end,
 * or the anchor with the earlier year). With `noise` > 0 a uniformly random admissible action is taken that
 * often instead.
 */
export class Demonstrator {
  /** `rng` drives the noise; `noise` is the probability of a uniformly random admissible action. */
  constructor(
    private readonly rng: Rng,
    private readonly noise = 0,
  ) {}

  /** Chooses an action from the question, the retrieved passages (any order) and the admissible actions. */
  act(question: string, context: string, admissible: readonly string[]): string {
    if (admissible.length === 0) return 'answer[unknown]';
    if (this.noise > 0 && this.rng.chance(this.noise)) return this.rng.pick(admissible);
    const parsed = parseQuestion(question);
    if (!parsed) return admissible[0];
    const ends: string[] = [];
    for (const anchor of parsed.anchors) {
      let current = anchor;
      for (const noun of parsed.nouns) {
        const next = readFact(context, current, noun);
        if (next === null) {
          const search = `search[${current} ${noun}]`;
          return admissible.includes(search) ? search : this.rng.pick(admissible);
        }
        current = next;
      }
      ends.push(current);
    }
    const answer = parsed.comparison ? parsed.anchors[Number(ends[1]) < Number(ends[0]) ? 1 : 0] : ends[0];
    return `answer[${answer}]`;
  }
}

/**
 * The single-search baseline: the first search follows the question's innermost noun from its first entity;
 * then it answers the object of the top passage.
 */
export function singleSearchAction(question: string, context: string, admissible: readonly string[]): string {
  const parsed = parseQuestion(question);
  if (!parsed) return admissible[0] ?? 'answer[unknown]';
  if (context.length === 0) return `search[${parsed.anchors[0]} ${parsed.nouns[0]}]`;
  const top = / is ([a-z0-9]+) \./.exec(context);
  return `answer[${top ? top[1] : parsed.anchors[0]}]`;
}

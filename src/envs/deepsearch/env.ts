/**
 * The Deep Search-lite environment: Search-R1's interaction loop (reference/deepsearch.md §1–2) as a
 * `TextEnv`. `search[query]` returns the top-k passages (BM25) as Search-R1 prints them
 * (`<information>Doc 1(Title: t) text …</information>`); `answer[text]` ends the episode with reward 1 when
 * the answer matches the gold one after Search-R1's normalisation; anything else is Search-R1's invalid
 * action, which costs a step. The step limit truncates with reward 0.
 *
 * The admissible actions are what a small policy chooses from: a search `entity noun` for every entity the
 * agent has seen (in the question or in a retrieved passage) and every relation noun the question names,
 * not yet searched, and `answer[entity]` for every entity seen. Free text is accepted too, as in Search-R1.
 */
import type { Observation, StepResult, TextEnv } from '../types.ts';
import { tokenize } from '../text.ts';
import { answerF1, exactMatch } from './normalize.ts';
import { nounsIn } from './relations.ts';
import type { Question } from './types.ts';
import type { DeepSearchWorld, Passage } from './world.ts';

/** A Deep Search-lite task: the question to answer (group copies share it, hence the same episode). */
export interface DeepSearchTask {
  question: Question;
}

/** Settings of the environment (presets fill them). */
export interface DeepSearchEnvOptions {
  /** Steps before the episode is cut. */
  stepLimit: number;
  /** Passages a search returns (Search-R1: 3). */
  topK: number;
}

/** Ten steps, three passages per search (Search-R1's top-k). */
export const DEFAULT_ENV_OPTIONS: DeepSearchEnvOptions = { stepLimit: 10, topK: 3 };

/** Search-R1's observation for an action it cannot parse, in this environment's action syntax. */
export const INVALID_ACTION_MESSAGE =
  'My previous action is invalid. If I want to search, I should put the query between search[ and ]. '
  + 'If I want to give the final answer, I should put the answer between answer[ and ]. Let me try again.';

/** `search[...]` or `answer[...]` with a non-empty argument (whitespace collapsed); null otherwise. */
export function parseAction(action: string): { name: 'search' | 'answer'; argument: string } | null {
  const match = /^\s*(search|answer)\[(.*)\]\s*$/s.exec(action);
  if (!match) return null;
  const argument = match[2].trim().split(/\s+/).join(' ');
  if (argument.length === 0) return null;
  return { name: match[1] as 'search' | 'answer', argument };
}

/** Search-R1's `_passages2string`: `Doc i(Title: t) text`, one per line. */
export function informationText(passages: readonly Passage[]): string {
  return `<information>${passages.map((p, i) => `Doc ${i + 1}(Title: ${p.title}) ${p.text}\n`).join('')}</information>`;
}

/** The Deep Search-lite text environment. */
export class DeepSearchEnv implements TextEnv<DeepSearchTask> {
  readonly options: DeepSearchEnvOptions;
  private question: Question | null = null;
  private steps = 0;
  private finished = false;
  private seen: string[] = [];
  private searched = new Set<string>();
  private retrieved: Passage[][] = [];
  private lastObservation = '';
  private outcome: { answer: string; em: number; f1: number } | null = null;

  constructor(
    readonly world: DeepSearchWorld,
    options: Partial<DeepSearchEnvOptions> = {},
  ) {
    this.options = { ...DEFAULT_ENV_OPTIONS, ...options };
  }

  /** Starts an episode on a question; the first observation is the question. */
  reset(task: DeepSearchTask): Observation {
    this.question = task.question;
    this.steps = 0;
    this.finished = false;
    this.seen = [];
    this.searched = new Set();
    this.retrieved = [];
    this.outcome = null;
    this.see(tokenize(task.question.text));
    this.lastObservation = `Question: ${task.question.text}`;
    return { text: this.lastObservation, goal: task.question.text };
  }

  /** The current observation text. */
  observation(): string {
    this.currentQuestion();
    return this.lastObservation;
  }

  /** Every passage retrieved in this episode, newest search first (rank order within a search), each once. */
  context(): Passage[] {
    const out: Passage[] = [];
    const ids = new Set<string>();
    for (let s = this.retrieved.length - 1; s >= 0; s--) {
      for (const passage of this.retrieved[s]) {
        if (ids.has(passage.id)) continue;
        ids.add(passage.id);
        out.push(passage);
      }
    }
    return out;
  }

  /** Entities seen so far, in the order first seen. */
  seenEntities(): string[] {
    return this.seen.slice();
  }

  /** Steps taken in this episode. */
  stepCount(): number {
    return this.steps;
  }

  /** Searches of unsearched `entity noun` pairs (entities seen, nouns of the question), then answers, sorted. */
  admissibleActions(): string[] {
    if (this.finished) return [];
    const question = this.currentQuestion();
    const actions: string[] = [];
    const nouns = nounsIn(question.text);
    for (const entity of this.seen) {
      actions.push(`answer[${entity}]`);
      if (this.world.entityByName.get(entity)?.type === 'year') continue;
      for (const noun of nouns) {
        const query = `${entity} ${noun}`;
        if (!this.searched.has(query)) actions.push(`search[${query}]`);
      }
    }
    return actions.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Applies an action; never throws on bad text. */
  step(action: string): StepResult {
    const question = this.currentQuestion();
    if (this.finished) {
      return { observation: this.lastObservation, reward: 0, terminated: true, truncated: false, won: false, valid: false, info: this.info() };
    }
    this.steps++;
    const parsed = parseAction(typeof action === 'string' ? action : '');
    let valid = true;
    if (!parsed) {
      valid = false;
      this.lastObservation = INVALID_ACTION_MESSAGE;
    } else if (parsed.name === 'search') {
      const query = parsed.argument.toLowerCase();
      const passages = this.world.index.search(query, this.options.topK).map((id) => this.world.passageById.get(id) as Passage);
      this.searched.add(query);
      this.retrieved.push(passages);
      for (const passage of passages) this.see(passage.entities);
      this.lastObservation = informationText(passages);
    } else {
      this.outcome = { answer: parsed.argument, em: exactMatch(parsed.argument, [question.answer]), f1: answerF1(parsed.argument, question.answer) };
      this.finished = true;
      this.lastObservation = `Answer: ${parsed.argument}`;
    }
    const terminated = this.outcome !== null;
    const truncated = !terminated && this.steps >= this.options.stepLimit;
    this.finished = terminated || truncated;
    const won = this.outcome?.em === 1;
    return { observation: this.lastObservation, reward: won ? 1 : 0, terminated, truncated, won, valid, info: this.info() };
  }

  private info(): Record<string, unknown> {
    const question = this.currentQuestion();
    const info: Record<string, unknown> = { steps: this.steps, kind: question.kind, domain: question.domain, hops: question.hops };
    if (this.outcome) Object.assign(info, { answer: this.outcome.answer, gold: question.answer, em: this.outcome.em, f1: this.outcome.f1 });
    return info;
  }

  private see(words: readonly string[]): void {
    for (const word of words) if (this.world.entityByName.has(word) && !this.seen.includes(word)) this.seen.push(word);
  }

  private currentQuestion(): Question {
    if (!this.question) throw new Error('call reset() before using the environment');
    return this.question;
  }
}

/**
 * The WebShop-lite environment: WebShop's text environment (`WebAgentTextEnv` + `SimServer.receive`,
 * envs.md §2.1–2.3) over a `WebShopWorld`, wrapped as verl-agent wraps it (§2.7): success is score 1, the
 * 0–1 score stays in `info`, and an episode is cut after 15 steps.
 */
import type { Observation, StepResult, TextEnv } from '../types.ts';
import { type Page, pageClickables, pageHits, renderPage } from './pages.ts';
import { candidateQueries, usesOnlyInstructionWords } from './queries.ts';
import { computeReward, type RewardParts } from './reward.ts';
import { SEARCH_RETURN_N } from './search.ts';
import type { Goal, Product, SearchMode } from './types.ts';
import type { WebShopWorld } from './world.ts';

/** A WebShop-lite task: the goal to shop for (group copies share the goal, hence the same episode). */
export interface WebShopTask {
  goal: Goal;
}

/** Settings of the environment (presets fill them). */
export interface WebShopEnvOptions {
  /** Steps before the episode is cut (verl-agent: 15). */
  stepLimit: number;
  /** How searches are offered and accepted. */
  searchMode: SearchMode;
  /** Candidate queries offered on the search page (K). */
  candidateCount: number;
}

/** Defaults matching verl-agent's WebShop runs, with the candidate-query search of a small policy. */
export const DEFAULT_ENV_OPTIONS: WebShopEnvOptions = { stepLimit: 15, searchMode: 'candidates', candidateCount: 5 };

/** WebShop's `parse_action`: `name[argument]` with the argument lower-cased; null when it does not parse. */
export function parseAction(action: string): { name: string; argument: string } | null {
  const match = /(.+)\[(.+)\]/.exec(action);
  if (!match) return null;
  return { name: match[1], argument: match[2].toLowerCase() };
}

/** Collapses runs of whitespace so `search[ a  b ]` and `search[a b]` are the same query. */
function normalizeKeywords(keywords: string): string {
  return keywords.trim().split(/\s+/).join(' ');
}

/** The WebShop-lite text environment. */
export class WebShopEnv implements TextEnv<WebShopTask> {
  readonly options: WebShopEnvOptions;
  private goal: Goal | null = null;
  private page: Page = { kind: 'search' };
  private chosenOptions: Record<string, string> = {};
  private candidates: string[] = [];
  private steps = 0;
  private finished = false;
  private reward: RewardParts | undefined;

  constructor(
    readonly world: WebShopWorld,
    options: Partial<WebShopEnvOptions> = {},
  ) {
    this.options = { ...DEFAULT_ENV_OPTIONS, ...options };
  }

  /** Starts an episode on the search page of the task's instruction. */
  reset(task: WebShopTask): Observation {
    this.goal = task.goal;
    this.page = { kind: 'search' };
    this.chosenOptions = {};
    this.candidates = candidateQueries(task.goal.instruction, this.options.candidateCount);
    this.steps = 0;
    this.finished = false;
    this.reward = undefined;
    return { text: this.observation(), goal: task.goal.instruction };
  }

  /** The current observation text. */
  observation(): string {
    const goal = this.currentGoal();
    return renderPage(this.page, {
      instruction: goal.instruction,
      lookup: this.lookup,
      reward: this.reward,
      chosenOptions: this.chosenOptions,
      target: { asin: goal.asin, options: goal.options, attributes: goal.attributes, priceUpper: goal.priceUpper },
    });
  }

  /** The candidate queries of this episode's search page. */
  candidateQueries(): string[] {
    return this.candidates.slice();
  }

  /** Steps taken in this episode. */
  stepCount(): number {
    return this.steps;
  }

  /** The page kind (`search`, `results`, `item`, `section`, `done`), for displays. */
  pageKind(): Page['kind'] {
    return this.page.kind;
  }

  /** `search[…]` for each candidate on the search page, else `click[…]` for each clickable in page order. */
  admissibleActions(): string[] {
    if (this.finished) return [];
    if (this.page.kind === 'search') return this.candidates.map((query) => `search[${query}]`);
    return pageClickables(this.page, this.lookup).map((clickable) => `click[${clickable}]`);
  }

  /** Applies an action; anything WebShop would ignore leaves the page unchanged but still uses a step. */
  step(action: string): StepResult {
    const goal = this.currentGoal();
    if (this.finished) {
      return { observation: this.observation(), reward: 0, terminated: true, truncated: false, won: false, valid: false, info: this.info() };
    }
    this.steps++;
    const valid = this.apply(typeof action === 'string' ? action : '', goal);
    const terminated = this.page.kind === 'done';
    const truncated = !terminated && this.steps >= this.options.stepLimit;
    this.finished = terminated || truncated;
    const won = terminated && this.reward?.score === 1;
    return { observation: this.observation(), reward: won ? 1 : 0, terminated, truncated, won, valid, info: this.info() };
  }

  private info(): Record<string, unknown> {
    const info: Record<string, unknown> = { page: this.page.kind, steps: this.steps };
    if (this.reward) Object.assign(info, { ...this.reward }, { purchased: this.page.kind === 'done' ? this.page.asin : null });
    return info;
  }

  private readonly lookup = (asin: string): Product => {
    const product = this.world.productsByAsin.get(asin);
    if (!product) throw new Error(`unknown ASIN ${asin}`);
    return product;
  };

  private currentGoal(): Goal {
    if (!this.goal) throw new Error('call reset() before using the environment');
    return this.goal;
  }

  private searchAccepted(keywords: string, goal: Goal): boolean {
    if (keywords.length === 0) return false;
    if (this.candidates.includes(keywords)) return true;
    return this.options.searchMode === 'free' && usesOnlyInstructionWords(keywords, goal.instruction);
  }

  /** Performs the transition of `SimServer.receive`; returns false for a no-op. */
  private apply(action: string, goal: Goal): boolean {
    const parsed = parseAction(action);
    if (!parsed) return false;
    if (parsed.name === 'search') {
      const keywords = normalizeKeywords(parsed.argument);
      if (!this.searchAccepted(keywords, goal)) return false;
      this.page = { kind: 'results', keywords, hits: this.world.index.search(keywords, SEARCH_RETURN_N), page: 1 };
      this.chosenOptions = {};
      return true;
    }
    if (parsed.name !== 'click') return false;
    const target = parsed.argument;
    if (target === 'search' || !pageClickables(this.page, this.lookup).includes(target)) return false;
    const page = this.page;
    if (target === 'back to search') {
      this.page = { kind: 'search' };
      return true;
    }
    switch (page.kind) {
      case 'results':
        if (target === 'next >') this.page = { ...page, page: page.page + 1 };
        else if (target === '< prev') this.page = { ...page, page: page.page - 1 };
        else {
          const asin = pageHits(page.hits, page.page).find((hit) => hit.toLowerCase() === target) as string;
          this.page = { kind: 'item', keywords: page.keywords, hits: page.hits, page: page.page, asin };
          this.chosenOptions = {};
        }
        return true;
      case 'item':
        if (target === '< prev') this.page = { kind: 'results', keywords: page.keywords, hits: page.hits, page: page.page };
        else if (target === 'description' || target === 'features' || target === 'reviews') this.page = { ...page, kind: 'section', section: target };
        else if (target === 'buy now') {
          this.reward = computeReward(this.lookup(page.asin), this.chosenOptions, goal, this.world.nounLexicon);
          this.page = { kind: 'done', asin: page.asin };
        } else this.chooseOption(this.lookup(page.asin), target);
        return true;
      case 'section':
        this.page = { kind: 'item', keywords: page.keywords, hits: page.hits, page: page.page, asin: page.asin };
        return true;
      default:
        return false;
    }
  }

  /** Stores the clicked value under its option name (the last dimension offering it, as WebShop's dict keeps). */
  private chooseOption(product: Product, value: string): void {
    for (let i = product.options.length - 1; i >= 0; i--) {
      if (product.options[i].values.includes(value)) {
        this.chosenOptions[product.options[i].name] = value;
        return;
      }
    }
  }
}

/**
 * A demonstrator that sees only what the policy sees — the observation text and the admissible actions —
 * for supervised warm-start demonstrations. It shops like a careful person: the longest offered search,
 * the unvisited result whose title shares most words with the instruction and whose price fits, the option
 * values the instruction names, then `buy now`; a product lacking a named option value or over the limit is
 * left with `< prev`. With `noise` > 0 it takes a uniformly random admissible action that often instead.
 */
import type { Rng } from '../../core/prng.ts';
import { SEP } from './pages.ts';
import { tokenize } from './text.ts';

const BUTTONS = new Set(['back to search', 'next >', '< prev', 'description', 'features', 'reviews', 'buy now']);
const FILLER_WORDS = new Set(['find', 'me', 'with', 'and', 'for', 'price', 'lower', 'than', 'dollars', 'i', 'need', 'want', 'a', 'the', 'that', 'is', 'in']);

/** The click target of a `click[...]` action, or null. */
function clickTarget(action: string): string | null {
  const match = /^click\[(.+)\]$/.exec(action);
  return match ? match[1] : null;
}

/** True when `phrase` occurs in `text` as whole words. */
function containsPhrase(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^a-z0-9-])${escaped}($|[^a-z0-9-])`).test(text);
}

/** The observation-only shopper. */
export class Demonstrator {
  private visited = new Set<string>();
  private currentItem: string | null = null;
  private clickedValues = new Set<string>();

  /** `rng` drives the noise; `noise` is the probability of a uniformly random admissible action. */
  constructor(
    private readonly rng: Rng,
    private readonly noise = 0,
  ) {}

  /** Forgets the previous episode. */
  reset(): void {
    this.visited = new Set();
    this.currentItem = null;
    this.clickedValues = new Set();
  }

  /** Chooses the next action from the observation and the admissible actions (one of them). */
  act(observation: string, admissible: readonly string[]): string {
    if (admissible.length === 0) return 'click[buy now]';
    if (this.noise > 0 && this.rng.chance(this.noise)) return this.rng.pick(admissible);
    const parts = observation.split(SEP);
    const instruction = (parts[0] === 'WebShop' ? parts[2] : parts[1]).toLowerCase();
    const searches = admissible.filter((action) => action.startsWith('search['));
    if (searches.length > 0) return searches.reduce((best, action) => (action.length > best.length ? action : best));
    const targets = admissible.map(clickTarget).filter((target): target is string => target !== null);
    if (targets.includes('buy now')) return this.onItemPage(parts, targets, instruction);
    if (targets.includes('next >')) return this.onResultsPage(parts, targets, instruction);
    return targets.includes('< prev') ? 'click[< prev]' : `click[${targets[0]}]`;
  }

  private onResultsPage(parts: string[], targets: string[], instruction: string): string {
    const limit = priceLimit(instruction);
    const wanted = new Set(tokenize(instruction).filter((word) => !FILLER_WORDS.has(word)));
    const products = new Set(targets.filter((target) => !BUTTONS.has(target)));
    let best: { asin: string; overlap: number } | null = null;
    for (let k = 0; k + 2 < parts.length; k++) {
      const asin = parts[k].toLowerCase();
      if (!products.has(asin) || this.visited.has(asin)) continue;
      const price = Number(/\$([0-9.]+)/.exec(parts[k + 2])?.[1] ?? Number.NaN);
      if (limit !== null && price > limit) continue;
      const overlap = tokenize(parts[k + 1]).filter((word) => wanted.has(word)).length;
      if (!best || overlap > best.overlap) best = { asin, overlap };
    }
    if (best) {
      // Each result is opened at most once: a product left with `< prev` did not fit.
      this.visited.add(best.asin);
      return `click[${best.asin}]`;
    }
    const onLastPage = parts.some((part) => /^Page 5 /.test(part));
    return onLastPage ? 'click[back to search]' : 'click[next >]';
  }

  private onItemPage(parts: string[], targets: string[], instruction: string): string {
    const title = parts.find((_part, k) => parts[k + 1]?.startsWith('Price: ')) ?? '';
    if (title !== this.currentItem) {
      this.currentItem = title;
      this.clickedValues = new Set();
    }
    const values = new Set(targets.filter((target) => !BUTTONS.has(target)));
    // The page lists each option name followed by its values; a part that is not a value is a name.
    const dimensions: { name: string; values: string[] }[] = [];
    for (let k = parts.indexOf('< Prev') + 1; k < parts.length && !parts[k + 1]?.startsWith('Price: '); k++) {
      if (values.has(parts[k])) dimensions[dimensions.length - 1]?.values.push(parts[k]);
      else dimensions.push({ name: parts[k], values: [] });
    }
    const limit = priceLimit(instruction);
    const price = Number(/\$([0-9.]+)/.exec(parts.find((part) => part.startsWith('Price: ')) ?? '')?.[1] ?? Number.NaN);
    const leave = () => 'click[< prev]';
    if (limit !== null && price > limit) return leave();
    for (const dimension of dimensions) {
      const named = dimension.values.filter((value) => containsPhrase(instruction, value));
      if (named.length === 0) {
        if (containsPhrase(instruction, dimension.name)) return leave();
        continue;
      }
      const choice = named.reduce((best, value) => (value.length > best.length ? value : best));
      if (!this.clickedValues.has(choice)) {
        this.clickedValues.add(choice);
        return `click[${choice}]`;
      }
    }
    return 'click[buy now]';
  }

}

/** The limit of `price lower than X dollars`, or null. */
export function priceLimit(instruction: string): number | null {
  const match = /price lower than ([0-9.]+) dollars/.exec(instruction);
  return match ? Number(match[1]) : null;
}

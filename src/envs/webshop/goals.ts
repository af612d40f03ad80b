/**
 * Goals (envs.md §2.5): one per anchor product and option-value combination (up to a cap), with WebShop's
 * synthetic instruction template, a share of human-style paraphrases, and WebShop's price rule.
 */
import type { Rng } from '../../core/prng.ts';
import type { AnchorProduct } from './catalogue.ts';
import { dollars } from './text.ts';
import type { Goal } from './types.ts';

/** WebShop's `PRICE_RANGE`: 10, 20, …, 990. */
export const PRICE_RANGE: readonly number[] = Array.from({ length: 99 }, (_, k) => 10 * (k + 1));

/**
 * WebShop's price rule: take the multiples of 10 above the price, keep the first 4, sample 2 and use the
 * larger; null (no price text) when fewer than 2 remain.
 */
export function priceUpperFor(price: number, rng: Rng): number | null {
  const above = PRICE_RANGE.filter((limit) => limit > price).slice(0, 4);
  if (above.length < 2) return null;
  const [first, second] = rng.shuffle(above).slice(0, 2);
  return Math.max(first, second);
}

/** The price clause of an instruction (`, and price lower than 50.00 dollars`), empty without a limit. */
export function priceClause(priceUpper: number | null): string {
  return priceUpper === null ? '' : `, and price lower than ${dollars(priceUpper)} dollars`;
}

/** The goal's own words before options and price, in WebShop's synthetic template `Find me {prop} {type} with {item} for {use}`. */
export function syntheticPhrase(query: string, attributes: readonly { phrase: string; tag: string }[]): string {
  const of = (tag: string) => attributes.filter((a) => a.tag === tag).map((a) => a.phrase);
  const props = of('prop');
  const items = of('item');
  const uses = of('use');
  let text = 'Find me ';
  if (props.length > 0) text += `${props.join(', ')} `;
  text += query;
  if (items.length > 0) text += ` with ${items.join(', ')}`;
  if (uses.length > 0) text += ` for ${uses.join(', ')}`;
  return text;
}

/** The synthetic instruction: phrase, ` with k: v, and k: v`, price clause. */
export function syntheticInstruction(
  query: string,
  attributes: readonly { phrase: string; tag: string }[],
  options: readonly { name: string; value: string }[],
  priceUpper: number | null,
): string {
  const optionText = options.map((option) => `${option.name}: ${option.value}`).join(', and ');
  return `${syntheticPhrase(query, attributes)}${optionText ? ` with ${optionText}` : ''}${priceClause(priceUpper)}`;
}

/** Human-style paraphrase templates (lower-case, like WebShop's crowd-sourced goals). */
const PARAPHRASES: readonly ((query: string, attributes: string, options: string) => string)[] = [
  (query, attributes, options) => `i need ${query} that is ${attributes}${options}`,
  (query, attributes, options) => `i am looking for ${attributes} ${query}${options}`,
  (query, attributes, options) => `i want to buy ${query} which is ${attributes}${options}`,
  (query, attributes, options) => `get me some ${attributes} ${query}${options}`,
];

/** A paraphrased instruction: attributes joined by `and`, options as `in color navy and size large`. */
export function paraphrasedInstruction(
  template: number,
  query: string,
  attributes: readonly string[],
  options: readonly { name: string; value: string }[],
  priceUpper: number | null,
): string {
  const optionText = options.length > 0 ? `, in ${options.map((o) => `${o.name} ${o.value}`).join(' and ')}` : '';
  return PARAPHRASES[template % PARAPHRASES.length](query, attributes.join(' and '), optionText) + priceClause(priceUpper);
}

/** The knobs of goal writing (presets fill them). */
export interface GoalGeneratorSettings {
  /** Attributes a goal asks for, inclusive range (the anchor's first ones: distractors target them). */
  goalAttributes: [number, number];
  /** Most goals per anchor (distinct option-value combinations). */
  goalsPerProduct: number;
  /** Share of goals written as human-style paraphrases. */
  paraphraseRate: number;
}

/** Every option-value combination of a product, in page order. */
function optionCombinations(options: readonly { name: string; values: readonly string[] }[]): { name: string; value: string }[][] {
  let combinations: { name: string; value: string }[][] = [[]];
  for (const option of options) {
    combinations = combinations.flatMap((prefix) => option.values.map((value) => [...prefix, { name: option.name, value }]));
  }
  return combinations;
}

/** Writes the goals of the anchors, in a seeded order, with ids not yet assigned (`id` = -1). */
export function writeGoals(rng: Rng, anchors: readonly AnchorProduct[], settings: GoalGeneratorSettings): Goal[] {
  const goals: Goal[] = [];
  for (const { product, category } of anchors) {
    const combinations = rng.shuffle(optionCombinations(product.options)).slice(0, settings.goalsPerProduct);
    for (const options of combinations) {
      const [lo, hi] = settings.goalAttributes;
      const count = Math.min(product.attributes.length, rng.range(lo, hi));
      const specs = product.attributes.slice(0, count).map((phrase) => ({
        phrase,
        tag: category.attributes.find((a) => a.phrase === phrase)?.tag ?? 'prop',
      }));
      const priceUpper = priceUpperFor(product.price, rng);
      const paraphrase = rng.chance(settings.paraphraseRate);
      const instruction = paraphrase
        ? paraphrasedInstruction(rng.int(PARAPHRASES.length), product.query, specs.map((s) => s.phrase), options, priceUpper)
        : syntheticInstruction(product.query, specs, options, priceUpper);
      goals.push({
        id: -1,
        asin: product.asin,
        instruction,
        query: product.query,
        productCategory: product.productCategory,
        name: product.title,
        attributes: specs.map((s) => s.phrase),
        options,
        priceUpper,
      });
    }
  }
  return rng.shuffle(goals);
}


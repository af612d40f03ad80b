import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WebShopEnv } from './env.ts';
import { planOracle } from './oracle.ts';
import { parseCatalogue } from './schema.ts';
import { buildWorld } from './world.ts';

const example = JSON.parse(readFileSync(new URL('../../../docs/examples/webshop-catalogue.json', import.meta.url), 'utf8'));

function errorsOf(json: unknown): string[] {
  const result = parseCatalogue(json);
  if (result.ok) throw new Error('expected the catalogue to be rejected');
  return result.errors;
}

describe('catalogue files', () => {
  it('accepts the documented example and plays it to reward 1', () => {
    const result = parseCatalogue(example);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { catalogue } = result;
    expect(catalogue.goals[0].instruction).toBe(
      'Find me dishwasher safe coffee mugs with color: navy blue, and size: 16 oz, and price lower than 30.00 dollars',
    );
    expect(catalogue.goals[1].instruction).toBe('i need individually wrapped green tea, and price lower than 20.00 dollars');
    const world = buildWorld(catalogue);
    const env = new WebShopEnv(world, { candidateCount: 5 });
    for (const goal of catalogue.goals) {
      const plan = planOracle(world, goal, 5);
      expect(plan).not.toBeNull();
      env.reset({ goal });
      let last;
      for (const action of plan!.actions) last = env.step(action);
      expect(last?.won).toBe(true);
    }
  });

  it('writes one goal per product when the file has none', () => {
    const result = parseCatalogue({ products: example.products });
    expect(result.ok && result.catalogue.goals.map((goal) => goal.asin)).toEqual(['B0MUG00001', 'B0MUG00002', 'B0TEA00001']);
  });

  it('rejects bad files with messages that name the field', () => {
    const products = structuredClone(example.products);
    products[1].price = 'abc';
    products[2].options = [{ name: 'size', values: [] }];
    delete products[0].title;
    expect(errorsOf({ products })).toEqual([
      'products[0].title: expected a non-empty string, got nothing',
      'products[1].price: expected a number ≥ 0, got "abc"',
      'products[2].options[0].values: expected at least one value, got []',
    ]);
    expect(errorsOf({ products: [{ ...example.products[0], price: -2 }] })).toEqual(['products[0].price: expected a number ≥ 0, got -2']);
    expect(errorsOf([])).toEqual(['(root): expected an object { products, goals? }, got []']);
    expect(errorsOf({ products: [] })).toEqual(['products: expected at least one product, got []']);
  });

  it('rejects files whose fields disagree', () => {
    const duplicate = { products: [example.products[0], { ...example.products[1], asin: 'b0mug00001' }] };
    expect(errorsOf(duplicate)).toEqual(['products[1].asin: "b0mug00001" is used by an earlier product']);
    const badGoal = { ...example, goals: [{ asin: 'B0NOPE0000', attributes: [] }, { asin: 'B0MUG00001', options: [{ name: 'color', value: 'red' }] }] };
    expect(errorsOf(badGoal)).toEqual([
      'goals[0].asin: no product has ASIN "B0NOPE0000"',
      'goals[1].options[0].value: "red" is not one of ["navy blue","white"]',
    ]);
    const reserved = structuredClone(example);
    reserved.products[0].options[0].values.push('Buy Now');
    expect(errorsOf(reserved)[0]).toMatch(/^products\[0\]\.options\[0\]\.values\[2\]: "Buy Now" is a button text/);
    const outside = structuredClone(example);
    outside.products[0].price = 40;
    expect(errorsOf(outside)).toEqual(['products[0].price: 40 is outside priceRange [12, 18]']);
  });
});

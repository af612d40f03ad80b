/**
 * A small hand-written catalogue for the tests: twelve mugs (so a search for `mug` spans two results pages),
 * one with colour and size options, and a goal for it.
 */
import type { Catalogue, Product } from '../types.ts';

function mug(n: number, overrides: Partial<Product> = {}): Product {
  const id = String(n).padStart(2, '0');
  return {
    asin: `B0TESTMG${id}`,
    title: `Acme Plain Mug ${id}`,
    category: 'kitchen',
    query: 'coffee mugs',
    productCategory: 'kitchen › drinkware › coffee mugs',
    brand: 'Acme',
    description: 'A plain mug.',
    bulletPoints: ['Holds coffee.'],
    attributes: [],
    options: [],
    price: 10 + n,
    ...overrides,
  };
}

/** The hand-made catalogue. Product 1 is the goal's target. */
export function handmadeCatalogue(): Catalogue {
  const products: Product[] = [
    mug(1, {
      title: 'Acme Dishwasher Safe Ceramic Mug',
      description: 'Stoneware mug, microwave safe.',
      bulletPoints: ['Dishwasher safe ceramic.', 'Gift box included.'],
      attributes: ['dishwasher safe'],
      options: [
        { name: 'color', values: ['navy blue', 'white'] },
        { name: 'size', values: ['12 oz', '16 oz'] },
      ],
      price: 14.5,
      priceRange: [12, 18],
    }),
  ];
  for (let n = 2; n <= 12; n++) products.push(mug(n));
  products.push({
    asin: 'B0TESTTEA1',
    title: 'Brewco Green Tea',
    category: 'food',
    query: 'green tea',
    productCategory: 'food › beverages › green tea',
    brand: 'Brewco',
    description: 'Loose leaf tea.',
    bulletPoints: ['Organic.'],
    attributes: ['usda organic'],
    options: [],
    price: 8,
  });
  return {
    products,
    goals: [
      {
        id: 0,
        asin: 'B0TESTMG01',
        instruction: 'Find me dishwasher safe coffee mugs with color: navy blue, and size: 16 oz, and price lower than 30.00 dollars',
        query: 'coffee mugs',
        productCategory: 'kitchen › drinkware › coffee mugs',
        name: 'Acme Dishwasher Safe Ceramic Mug',
        attributes: ['dishwasher safe'],
        options: [
          { name: 'color', value: 'navy blue' },
          { name: 'size', value: '16 oz' },
        ],
        priceUpper: 30,
      },
    ],
  };
}

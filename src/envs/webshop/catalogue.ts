/**
 * The procedural product catalogue (envs.md §4.2): "anchor" products that goals are written from, each with
 * deliberate distractors — the same type with another attribute, the same attributes with another type, the
 * same product priced above any limit its goals can state, one lacking the goal's option values, and a
 * near-identical title. Everything is drawn from one seeded stream, so a seed gives a byte-identical list.
 */
import type { Rng } from '../../core/prng.ts';
import type { Product, ProductOption } from './types.ts';
import { type AttributeSpec, CATEGORIES, type CategorySpec, DIMENSION_VALUES, type ProductTypeSpec } from './vocabulary.ts';

/** The knobs of the product generator (presets fill them). */
export interface ProductGeneratorSettings {
  /** How many of the five categories are used. */
  categories: number;
  /** Product types used per category (≤ 8). */
  typesPerCategory: number;
  /** Attribute phrases used per category (≤ 15). */
  attributesPerCategory: number;
  /** Products goals are written from. */
  anchorCount: number;
  /** Distractors generated for each anchor (cycling through the five kinds). */
  distractorsPerAnchor: number;
  /** Attributes per product, inclusive range. */
  attributesPerProduct: [number, number];
  /** Most option dimensions per product (0–2). */
  maxDimensions: number;
  /** Fraction of products sold without options, whatever their type allows. */
  optionlessRate: number;
  /** Values per option dimension, inclusive range. */
  valuesPerDimension: [number, number];
  /** Fraction of products shown with a `$lo to $hi` price range. */
  priceRangeRate: number;
}

/** A generated anchor product with its type, so goals can be written from it. */
export interface AnchorProduct {
  product: Product;
  type: ProductTypeSpec;
  category: CategorySpec;
}

const TITLE_TAILS: Readonly<Record<string, readonly string[]>> = {
  beauty: ['for Women', 'for Women and Men', 'Gift Set', 'Salon Quality'],
  food: ['Snack Pack', 'Family Size', 'Value Bundle', 'Pantry Staple'],
  fashion: ['Casual Style', 'Regular Fit', 'Everyday Basics', 'Classic Cut'],
  furniture: ['for Home', 'Modern Design', 'Rustic Style', 'for Apartment'],
  electronics: ['Compatible with Laptops', 'Latest Model', '2024 Edition', 'for Everyday Use'],
};

function titleCase(phrase: string): string {
  return phrase.replace(/(^|\s)([a-z])/g, (_, space: string, letter: string) => space + letter.toUpperCase());
}

function roundCents(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The categories, types and attribute vocabularies a setting uses (prefixes of the full lists). */
export function usedCategories(settings: ProductGeneratorSettings): CategorySpec[] {
  return CATEGORIES.slice(0, settings.categories).map((category) => ({
    ...category,
    types: category.types.slice(0, settings.typesPerCategory),
    attributes: category.attributes.slice(0, settings.attributesPerCategory),
  }));
}

/** Draws products for one catalogue. */
export class ProductFactory {
  private readonly usedAsins = new Set<string>();

  constructor(
    private readonly rng: Rng,
    private readonly settings: ProductGeneratorSettings,
  ) {}

  /** A fresh ASIN: `B0` + 8 upper-case alphanumerics, unique in this catalogue. */
  asin(): string {
    const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (;;) {
      let id = 'B0';
      for (let k = 0; k < 8; k++) id += alphabet[this.rng.int(alphabet.length)];
      if (!this.usedAsins.has(id)) {
        this.usedAsins.add(id);
        return id;
      }
    }
  }

  /** A random set of attribute phrases of a category. */
  attributes(category: CategorySpec): AttributeSpec[] {
    const [lo, hi] = this.settings.attributesPerProduct;
    const count = Math.min(category.attributes.length, this.rng.range(lo, hi));
    return this.rng.shuffle(category.attributes).slice(0, count);
  }

  /** Random option dimensions of a type: none with probability `optionlessRate`, else 1 to `maxDimensions`. */
  options(type: ProductTypeSpec): ProductOption[] {
    const dimensionCount = Math.min(type.dimensions.length, this.settings.maxDimensions);
    if (dimensionCount === 0 || this.rng.chance(this.settings.optionlessRate)) return [];
    const dimensions = type.dimensions.slice(0, this.rng.range(1, dimensionCount));
    return dimensions.map((name) => this.optionValues(name, []));
  }

  /** Values of one dimension, avoiding `excluded`, in the vocabulary's order (as a product page lists them). */
  optionValues(name: string, excluded: readonly string[]): ProductOption {
    const pool = DIMENSION_VALUES[name].filter((value) => !excluded.includes(value));
    const [lo, hi] = this.settings.valuesPerDimension;
    const count = Math.max(1, Math.min(pool.length, this.rng.range(lo, hi)));
    const chosen = new Set(this.rng.shuffle(pool).slice(0, count));
    return { name, values: pool.filter((value) => chosen.has(value)) };
  }

  /** A price in the type's band, rounded to cents once. */
  price(type: ProductTypeSpec): number {
    return roundCents(type.price[0] + this.rng.next() * (type.price[1] - type.price[0]));
  }

  /**
   * Writes a product record. `hiddenAvoid` lists phrases that must not be mentioned as an unlisted
   * attribute (so a distractor does not accidentally carry its anchor's attributes).
   */
  product(args: {
    category: CategorySpec;
    type: ProductTypeSpec;
    brand: string;
    attributes: AttributeSpec[];
    options: ProductOption[];
    price: number;
    hiddenAvoid?: readonly string[];
  }): Product {
    const { category, type, brand, attributes, options } = args;
    const rng = this.rng;
    const inTitle = attributes.slice(0, Math.min(attributes.length, rng.range(1, 3)));
    const tail = rng.pick(TITLE_TAILS[category.name]);
    const title = `${brand} ${inTitle.map((a) => titleCase(a.phrase)).join(' ')} ${type.titlePhrase} ${tail}`;
    const phrases = attributes.map((a) => a.phrase);
    const avoid = new Set([...phrases, ...(args.hiddenAvoid ?? [])]);
    const unlisted = category.attributes.filter((a) => !avoid.has(a.phrase));
    const hidden = unlisted.length > 0 && rng.chance(0.3) ? rng.pick(unlisted).phrase : null;
    const bulletPhrases = hidden ? [...phrases, hidden] : phrases;
    const bulletPoints = [
      `${titleCase(bulletPhrases[0])}: this ${type.query} is made to be ${bulletPhrases.slice(1, 3).join(' and ') || 'reliable'} every day.`,
      `Designed by ${brand} with ${bulletPhrases.slice(3).join(', ') || 'careful attention to detail'}.`,
      `Satisfaction guaranteed: contact ${brand} with any question about your ${type.query}.`,
    ];
    const description = `${brand} ${type.titlePhrase.toLowerCase()} for people who care about quality. ${
      phrases.length > 1 ? `Features ${phrases.slice(0, 2).join(' and ')}.` : 'Simple and dependable.'
    }`;
    let price = args.price;
    let priceRange: [number, number] | undefined;
    if (options.length > 0 && rng.chance(this.settings.priceRangeRate)) {
      priceRange = [roundCents(price * 0.85), roundCents(price * 1.2)];
      price = roundCents(priceRange[0] + rng.next() * (priceRange[1] - priceRange[0]));
    }
    const product: Product = {
      asin: this.asin(),
      title,
      category: category.name,
      query: type.query,
      productCategory: [category.name, ...type.breadcrumb].join(' › '),
      brand,
      description,
      bulletPoints,
      attributes: phrases,
      options,
      price,
    };
    if (priceRange) product.priceRange = priceRange;
    return product;
  }
}

/** The five kinds of deliberate distractor, used in this order for each anchor. */
export const DISTRACTOR_KINDS = ['attribute', 'price', 'option', 'type', 'title'] as const;

/**
 * A distractor of an anchor. Kinds: `attribute` swaps the first attribute (goals always ask for it),
 * `price` costs more than any limit a goal of the anchor can state, `option` offers none of the anchor's
 * option values, `type` keeps the attributes but changes the product type, `title` keeps brand and type
 * but swaps the second attribute.
 */
export function makeDistractor(
  factory: ProductFactory,
  rng: Rng,
  anchor: AnchorProduct,
  kind: (typeof DISTRACTOR_KINDS)[number],
  attributeSpecs: AttributeSpec[],
): Product {
  const { category, type, product } = anchor;
  const anchorPhrases = product.attributes;
  const swapAt = (index: number): AttributeSpec[] => {
    const replacements = category.attributes.filter((a) => !anchorPhrases.includes(a.phrase));
    if (replacements.length === 0 || index >= attributeSpecs.length) return attributeSpecs.slice(1);
    const swapped = attributeSpecs.slice();
    swapped[index] = rng.pick(replacements);
    return swapped;
  };
  const otherBrand = rng.pick(category.brands.filter((brand) => brand !== product.brand));
  const base = { category, type, brand: otherBrand, attributes: attributeSpecs, options: product.options, price: factory.price(type) };
  switch (kind) {
    case 'attribute':
      return factory.product({ ...base, attributes: swapAt(0), hiddenAvoid: anchorPhrases });
    case 'price': {
      const aboveAnyLimit = Math.floor(product.price / 10) * 10 + 40 + 0.5 + rng.next() * 20;
      return factory.product({ ...base, price: roundCents(aboveAnyLimit) });
    }
    case 'option': {
      if (product.options.length === 0) return factory.product({ ...base, attributes: swapAt(0), hiddenAvoid: anchorPhrases });
      const options = product.options.map((option) => factory.optionValues(option.name, option.values));
      return factory.product({ ...base, options });
    }
    case 'type': {
      const others = category.types.filter((other) => other !== type);
      if (others.length === 0) return factory.product({ ...base, attributes: swapAt(0), hiddenAvoid: anchorPhrases });
      const otherType = rng.pick(others);
      return factory.product({ ...base, type: otherType, options: factory.options(otherType), price: factory.price(otherType) });
    }
    case 'title':
      return factory.product({ ...base, brand: product.brand, attributes: swapAt(Math.min(1, attributeSpecs.length - 1)), hiddenAvoid: anchorPhrases });
  }
}

/** Generates the products: anchors (returned separately for goal writing) and their distractors, shuffled. */
export function generateProducts(rng: Rng, settings: ProductGeneratorSettings): { products: Product[]; anchors: AnchorProduct[] } {
  const factory = new ProductFactory(rng.fork('asins-and-text'), settings);
  const categories = usedCategories(settings);
  const anchors: AnchorProduct[] = [];
  const products: Product[] = [];
  for (let n = 0; n < settings.anchorCount; n++) {
    // Round-robin over categories and types keeps any one category from dominating the goals (§4.3.9).
    const category = categories[n % categories.length];
    const type = category.types[Math.floor(n / categories.length) % category.types.length];
    const attributeSpecs = factory.attributes(category);
    const product = factory.product({
      category,
      type,
      brand: rng.pick(category.brands),
      attributes: attributeSpecs,
      options: factory.options(type),
      price: factory.price(type),
    });
    const anchor = { product, type, category };
    anchors.push(anchor);
    products.push(product);
    for (let d = 0; d < settings.distractorsPerAnchor; d++) {
      products.push(makeDistractor(factory, rng, anchor, DISTRACTOR_KINDS[d % DISTRACTOR_KINDS.length], attributeSpecs));
    }
  }
  return { products: rng.fork('product-order').shuffle(products), anchors };
}

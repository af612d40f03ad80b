/**
 * Catalogues from a file: a zod schema of the JSON format documented in docs/WEBSHOP.md, the checks that
 * span fields (unique ASINs, goals pointing at real products and values), and the conversion to a
 * `Catalogue`. A bad file gets one message per problem, naming the field path,
 * e.g. `products[12].price: expected a number ≥ 0, got "abc"`.
 */
import { z } from 'zod';
import { createRng } from '../../core/prng.ts';
import { priceUpperFor, syntheticInstruction } from './goals.ts';
import type { Catalogue, Goal, Product } from './types.ts';

/** Button texts an option value may not take, since clicking it would mean something else. */
const RESERVED_CLICKABLES = ['back to search', 'next >', '< prev', 'description', 'features', 'reviews', 'buy now', 'search'];

function shown(input: unknown): string {
  return input === undefined ? 'nothing' : JSON.stringify(input);
}

/** An error callback: `expected <what>, got <input>`. */
function expected(what: string) {
  return (issue: { input?: unknown }) => `expected ${what}, got ${shown(issue.input)}`;
}

const text = (what = 'a string') => z.string({ error: expected(what) });
const nonEmptyText = () => text('a non-empty string').trim().min(1, { error: expected('a non-empty string') });
const dollarsSchema = z.number({ error: expected('a number ≥ 0') }).min(0, { error: expected('a number ≥ 0') });

const optionSchema = z.object(
  {
    name: nonEmptyText(),
    values: z.array(nonEmptyText(), { error: expected('a list of strings') }).min(1, { error: expected('at least one value') }),
  },
  { error: expected('an object { name, values }') },
);

const productSchema = z.object(
  {
    asin: text().regex(/^[A-Za-z0-9]{10}$/, { error: expected('10 letters or digits') }),
    title: nonEmptyText(),
    category: text().default(''),
    query: nonEmptyText(),
    productCategory: nonEmptyText(),
    brand: text().default(''),
    description: text().default(''),
    bulletPoints: z.array(text(), { error: expected('a list of strings') }).default([]),
    attributes: z.array(text(), { error: expected('a list of strings') }).default([]),
    options: z.array(optionSchema, { error: expected('a list of { name, values }') }).default([]),
    price: dollarsSchema,
    priceRange: z.tuple([dollarsSchema, dollarsSchema], { error: expected('[low, high] in dollars') }).optional(),
  },
  { error: expected('a product object') },
);

const goalSchema = z.object(
  {
    asin: text(),
    instruction: nonEmptyText().optional(),
    attributes: z.array(nonEmptyText(), { error: expected('a list of strings') }).default([]),
    options: z
      .array(z.object({ name: nonEmptyText(), value: nonEmptyText() }, { error: expected('an object { name, value }') }), {
        error: expected('a list of { name, value }'),
      })
      .default([]),
    priceUpper: dollarsSchema.nullable().optional(),
  },
  { error: expected('a goal object') },
);

/** The file format: products, and optionally the goals over them. */
export const catalogueFileSchema = z.object(
  {
    products: z.array(productSchema, { error: expected('a list of products') }).min(1, { error: expected('at least one product') }),
    goals: z.array(goalSchema, { error: expected('a list of goals') }).optional(),
  },
  { error: expected('an object { products, goals? }') },
);

/** The parsed file before conversion. */
export type CatalogueFile = z.infer<typeof catalogueFileSchema>;

/** Formats a zod path as `products[12].options[0].values`. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(root)';
}

function crossFieldErrors(file: CatalogueFile): string[] {
  const errors: string[] = [];
  const byAsin = new Map<string, CatalogueFile['products'][number]>();
  file.products.forEach((product, index) => {
    const key = product.asin.toUpperCase();
    if (byAsin.has(key)) errors.push(`products[${index}].asin: "${product.asin}" is used by an earlier product`);
    byAsin.set(key, product);
    if (product.priceRange && !(product.priceRange[0] <= product.price && product.price <= product.priceRange[1])) {
      errors.push(`products[${index}].price: ${product.price} is outside priceRange [${product.priceRange.join(', ')}]`);
    }
    product.options.forEach((option, o) =>
      option.values.forEach((value, v) => {
        if (RESERVED_CLICKABLES.includes(value.toLowerCase())) {
          errors.push(`products[${index}].options[${o}].values[${v}]: "${value}" is a button text and cannot be an option value`);
        }
      }),
    );
  });
  file.goals?.forEach((goal, index) => {
    const product = byAsin.get(goal.asin.toUpperCase());
    if (!product) {
      errors.push(`goals[${index}].asin: no product has ASIN "${goal.asin}"`);
      return;
    }
    goal.options.forEach((wanted, o) => {
      const option = product.options.find((candidate) => candidate.name.toLowerCase() === wanted.name.toLowerCase());
      if (!option) errors.push(`goals[${index}].options[${o}].name: product ${product.asin} has no option "${wanted.name}"`);
      else if (!option.values.some((value) => value.toLowerCase() === wanted.value.toLowerCase())) {
        errors.push(`goals[${index}].options[${o}].value: "${wanted.value}" is not one of ${JSON.stringify(option.values)}`);
      }
    });
  });
  return errors;
}

/** Turns a validated file into a catalogue: lower-cased option values (as WebShop loads them), upper-case ASINs, goals filled in. */
function toCatalogue(file: CatalogueFile): Catalogue {
  const products: Product[] = file.products.map((p) => {
    const product: Product = {
      ...p,
      asin: p.asin.toUpperCase(),
      options: p.options.map((option) => ({ name: option.name.toLowerCase(), values: option.values.map((v) => v.toLowerCase().replaceAll('/', ' | ')) })),
    };
    if (!p.priceRange) delete product.priceRange;
    return product;
  });
  const byAsin = new Map(products.map((product) => [product.asin, product]));
  const rng = createRng('webshop-file-goals');
  const goalSpecs: CatalogueFile['goals'] =
    file.goals ??
    products.map((product) => ({
      asin: product.asin,
      attributes: product.attributes.slice(0, 3),
      options: product.options.map((option) => ({ name: option.name, value: option.values[0] })),
    }));
  const goals: Goal[] = goalSpecs.map((spec, id) => {
    const product = byAsin.get(spec.asin.toUpperCase()) as Product;
    const options = spec.options.map((option) => ({ name: option.name.toLowerCase(), value: option.value.toLowerCase() }));
    const priceUpper = spec.priceUpper !== undefined ? spec.priceUpper : priceUpperFor(product.price, rng);
    const attributes = spec.attributes.map((attribute) => attribute.toLowerCase());
    const instruction =
      spec.instruction ?? syntheticInstruction(product.query, attributes.map((phrase) => ({ phrase, tag: 'prop' })), options, priceUpper);
    return { id, asin: product.asin, instruction, query: product.query, productCategory: product.productCategory, name: product.title, attributes, options, priceUpper };
  });
  return { products, goals };
}

/** Result of `parseCatalogue`: a catalogue, or readable errors (`path: problem`). */
export type ParseCatalogueResult = { ok: true; catalogue: Catalogue } | { ok: false; errors: string[] };

/** Validates parsed JSON as a catalogue file and converts it. Never throws. */
export function parseCatalogue(json: unknown): ParseCatalogueResult {
  const parsed = catalogueFileSchema.safeParse(json, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) };
  const errors = crossFieldErrors(parsed.data);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, catalogue: toCatalogue(parsed.data) };
}

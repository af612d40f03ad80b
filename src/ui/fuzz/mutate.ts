/**
 * Seeded mutations of valid inputs, for the loaders' fuzz tests: a JSON value has one of its fields
 * removed, retyped, made extreme or deeply nested; a text is cut, spliced or has bytes flipped. Every
 * input is reproducible from its seed and index.
 */
import type { Rng } from '../../core/prng';

const NASTY: unknown[] = [
  null, true, 0, -1, 1e308, -1e308, 2 ** 53, 0.5, '', 'x'.repeat(10_000), '<img src=x onerror=alert(1)>', '__proto__',
  [], {}, [null], { constructor: 1 }, JSON.parse('{"__proto__":{"polluted":1}}'), 'NaN', 'Infinity', '-0', '0x10', '\u0000', '\ud800',
];

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.int(items.length)];

/** A deep copy of `value` with one random mutation somewhere inside it. */
export function mutateJson(value: unknown, rng: Rng): unknown {
  const copy = structuredClone(value) as unknown;
  const root = { value: copy } as Record<string, unknown>;
  let parent: Record<string, unknown> | unknown[] = root;
  let key: string | number = 'value';
  // Walk a random path down, stopping at a random depth.
  for (let depth = 0; depth < 12; depth++) {
    const node: unknown = (parent as Record<string | number, unknown>)[key];
    if (node === null || typeof node !== 'object' || rng.next() < 0.25) break;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (!keys.length) break;
    parent = node as Record<string, unknown>;
    key = pick(rng, keys);
  }
  const target = parent as Record<string | number, unknown>;
  switch (rng.int(6)) {
    case 0: if (Array.isArray(target)) target.splice(key as number, 1); else delete target[key]; break;
    case 1: target[key] = structuredClone(pick(rng, NASTY)); break;
    case 2: target[key] = typeof target[key] === 'number' ? pick(rng, [NaN, Infinity, -5, 1e9, 3.7, -0]) : rng.int(1000); break;
    case 3: { const n = 10 + rng.int(900); target[key] = JSON.parse('['.repeat(n) + ']'.repeat(n)); break; }
    case 4: target[key] = Array.isArray(target[key]) ? [...(target[key] as unknown[]), ...(target[key] as unknown[])] : [target[key]]; break;
    default: target[`extra${rng.int(100)}`] = pick(rng, NASTY);
  }
  return root.value;
}

/** `text` cut, spliced or with characters replaced. */
export function mutateText(text: string, rng: Rng): string {
  const at = rng.int(Math.max(1, text.length));
  switch (rng.int(4)) {
    case 0: return text.slice(0, at);
    case 1: return text.slice(0, at) + pick(rng, ['{', '}', '"', '\\', ',', '\n', '\ufeff', '\u0000', ']]]', 'null']) + text.slice(at);
    case 2: return text.slice(0, at) + text.slice(at + 1 + rng.int(50));
    default: return text.slice(0, at) + String.fromCharCode(rng.int(0x3000)) + text.slice(at + 1);
  }
}

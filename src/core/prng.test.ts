import { describe, expect, it } from 'vitest';
import { createRng, restoreRng, type RngState } from './prng';

describe('createRng', () => {
  it('is deterministic: the same seed gives the same stream', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
  });

  it('pins the stream so that it cannot drift between platforms or versions', () => {
    const rng = createRng(1);
    const first = Array.from({ length: 4 }, () => rng.int(1_000_000));
    expect(first).toMatchInlineSnapshot(`
      [
        132619,
        489790,
        17420,
        187076,
      ]
    `);
  });

  it('gives unrelated streams for nearby seeds and for forks', () => {
    expect(createRng(1).next()).not.toBe(createRng(2).next());
    const root = createRng(5);
    expect(root.fork('a').next()).not.toBe(root.fork('b').next());
    expect(root.fork('a').next()).toBe(createRng(5).fork('a').next());
  });

  it('is roughly uniform', () => {
    const rng = createRng(7);
    const counts = new Array(10).fill(0);
    for (let i = 0; i < 100_000; i++) counts[rng.int(10)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  it('shuffles without losing elements and rejects bad arguments', () => {
    const rng = createRng(3);
    expect(rng.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(() => rng.int(0)).toThrow();
    expect(() => rng.pick([])).toThrow(/empty/);
    expect(() => createRng(NaN)).toThrow(/finite/);
    expect(rng.weighted([0, 0, 1])).toBe(2);
  });

  it('continues exactly from a saved state, and refuses a state no stream can have', () => {
    const rng = createRng(11).fork('sampling');
    for (let i = 0; i < 37; i++) rng.next();
    const saved = JSON.parse(JSON.stringify(rng.state())) as RngState;
    const restored = restoreRng(saved);
    const expected = Array.from({ length: 50 }, () => rng.int(1000));
    expect(Array.from({ length: 50 }, () => restored.int(1000))).toEqual(expected);
    expect(restored.seed).toBe(rng.seed);
    expect(restored.fork('x').next()).toBe(createRng(11).fork('sampling').fork('x').next());
    expect(() => restoreRng({ seed: 1, words: [1, 2, 3, -1] })).toThrow(/32-bit/);
    expect(() => restoreRng({ seed: 1.5, words: [1, 2, 3, 4] })).toThrow(/32-bit/);
  });
});

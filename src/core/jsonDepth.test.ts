import { describe, expect, it } from 'vitest';
import { jsonTooDeep } from './jsonDepth';

describe('jsonTooDeep', () => {
  it('measures nesting without recursion, even 100,000 levels deep', () => {
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(jsonTooDeep(deep)).toBe(true);
    expect(jsonTooDeep({ products: [{ title: 'a', options: { size: ['s', 'm'] } }] })).toBe(false);
    expect(jsonTooDeep(JSON.parse('['.repeat(64) + ']'.repeat(64)))).toBe(false);
    expect(jsonTooDeep(JSON.parse('['.repeat(65) + ']'.repeat(65)))).toBe(true);
    expect(jsonTooDeep('text')).toBe(false);
  });
});

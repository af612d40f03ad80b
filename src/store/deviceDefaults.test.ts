import { describe, expect, it } from 'vitest';
import { backendFor, isPhoneLike } from './deviceDefaults';
import { parseHash } from './urlState';

const screen = (matching: string[]) => (query: string) => ({ matches: matching.includes(query) });

describe('device defaults', () => {
  it('a narrow or touch-first screen is phone-like; a wide one with a mouse is not', () => {
    expect(isPhoneLike(screen(['(max-width: 600px)']))).toBe(true);
    expect(isPhoneLike(screen(['(pointer: coarse)']))).toBe(true);
    expect(isPhoneLike(screen([]))).toBe(false);
    expect(isPhoneLike(undefined)).toBe(false);
  });

  it('a phone gets wasm with a reason unless the link names a backend', () => {
    const plain = parseHash('#env=webshop');
    expect(backendFor(plain.state, plain.given, true)).toMatchObject({ request: 'wasm', note: expect.stringContaining('Phone') });
    expect(backendFor(plain.state, plain.given, false)).toEqual({ request: 'auto', note: null });
    const named = parseHash('#backend=auto');
    expect(backendFor(named.state, named.given, true)).toEqual({ request: 'auto', note: null });
    const webgl = parseHash('#backend=webgl');
    expect(backendFor(webgl.state, webgl.given, true)).toEqual({ request: 'webgl', note: null });
  });

  it('an invalid backend in the link counts as not given', () => {
    const bad = parseHash('#backend=quantum');
    expect(bad.given).not.toContain('backend');
    expect(backendFor(bad.state, bad.given, true).request).toBe('wasm');
  });
});

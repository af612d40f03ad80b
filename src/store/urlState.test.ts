import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './urlState';

describe('URL hash state', () => {
  it('reads a valid backend and round-trips', () => {
    const { state, problems } = parseHash('#backend=wasm');
    expect(state.backend).toBe('wasm');
    expect(problems).toEqual([]);
    expect(formatHash(state)).toBe('#backend=wasm');
  });

  it('uses defaults for missing keys and writes nothing for them', () => {
    expect(parseHash('').state.backend).toBe('auto');
    expect(formatHash(parseHash('').state)).toBe('');
  });

  it('reports a bad value and an unknown key, and keeps the defaults', () => {
    const { state, problems } = parseHash('#backend=quantum&colour=red');
    expect(state.backend).toBe('auto');
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/backend="quantum" is invalid/);
    expect(problems.join('\n')).toMatch(/Unknown URL parameter "colour"/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFINITION_SECTIONS, metricsDocLine } from './definitions';

const doc = readFileSync(new URL('../../../docs/METRICS.md', import.meta.url), 'utf8');
const docLines = doc.split('\n');

describe('docs/METRICS.md and the page say the same thing', () => {
  it('lists every definition verbatim, under its section', () => {
    for (const [section, definitions] of Object.entries(DEFINITION_SECTIONS)) {
      const heading = docLines.indexOf(`## ${section}`);
      expect(heading, `section "${section}"`).toBeGreaterThanOrEqual(0);
      const next = docLines.findIndex((line, i) => i > heading && line.startsWith('## '));
      const body = docLines.slice(heading, next < 0 ? undefined : next);
      for (const [term, definition] of Object.entries(definitions)) {
        expect(body, `definition of ${term}`).toContain(metricsDocLine(term, definition));
      }
    }
  });

  it('has no definition line the page does not know', () => {
    const known = new Set(Object.values(DEFINITION_SECTIONS).flatMap((defs) => Object.entries(defs).map(([t, d]) => metricsDocLine(t, d))));
    const listed = docLines.filter((line) => /^- `[^`]+` \(/.test(line));
    expect(listed.filter((line) => !known.has(line))).toEqual([]);
  });

  it('defines each term once', () => {
    const terms = Object.values(DEFINITION_SECTIONS).flatMap((defs) => Object.keys(defs));
    expect(new Set(terms).size).toBe(terms.length);
  });
});

/** The layer rule of docs/ARCHITECTURE.md, checked through ESLint itself so a config change cannot lose it. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('layer rule', () => {
  for (const layer of ['core', 'envs', 'import', 'policy', 'train']) {
    it(`keeps React, the DOM and Math.random out of src/${layer}`, async () => {
      const ids = await ruleIds(`src/${layer}/probe.ts`,
        "import { useState } from 'react';\nexport const probe = [useState, document.title, Math.random()];\n");
      expect(ids).toEqual(expect.arrayContaining(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-properties']));
    });
  }

  it('stops a lower layer importing a higher one', async () => {
    expect(await ruleIds('src/core/probe.ts', "import { selectBackend } from '../train/backend';\nexport const probe = selectBackend;\n"))
      .toContain('no-restricted-imports');
    expect(await ruleIds('src/train/probe.ts', "import { useRuntime } from '../store/runtimeStore';\nexport const probe = useRuntime;\n"))
      .toContain('no-restricted-imports');
  });

  it('forbids synchronous GPU readbacks where tensors live', async () => {
    expect(await ruleIds('src/policy/probe.ts', 'export const probe = (t: { dataSync(): unknown }) => t.dataSync();\n')).toContain('no-restricted-properties');
  });

  it('lets a higher layer import a lower one', async () => {
    expect(await ruleIds('src/train/probe.ts', "import { createRng } from '../core/prng';\nexport const probe = createRng;\n")).toEqual([]);
  });
});

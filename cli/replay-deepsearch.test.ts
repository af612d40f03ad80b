/**
 * `replay --env deepsearch`, run as the user runs it (a child process through tsx): the example knowledge base
 * answered correctly, and readable errors for bad input.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'empg-ds-cli-'));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('replay --env deepsearch', () => {
  it('answers question 0 of the example knowledge base with reward 1', () => {
    const run = cli('replay', '--env', 'deepsearch', '--kb', 'docs/examples/deepsearch-kb.json', '--actions', 'docs/examples/deepsearch-actions.txt');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { step: number; observation: string; reward: number; done: boolean });
    expect(lines[0]).toMatchObject({ step: 0, observation: 'Question: what is the birthplace of the father of goran ?' });
    expect(lines[1].observation).toContain('Doc 1(Title: goran) the father of goran is emeric .');
    expect(lines[2].observation).toContain('Doc 1(Title: emeric) the birthplace of emeric is siraz .');
    expect(lines.at(-1)).toMatchObject({ reward: 1, done: true });
  });

  it('stops with one readable message on bad input (exit 2)', () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ entities: [{ name: 'arlo', type: 'person' }, { name: 'tarvik', type: 'town' }], facts: [{ subject: 'arlo', relation: 'born_in', object: 'tarvik' }] }));
    const invalid = cli('replay', '--env', 'deepsearch', '--kb', bad, '--actions', 'docs/examples/deepsearch-actions.txt');
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('entities[1].type: expected one of person, city, country, film, org, year, got "town"');
    const both = cli('replay', '--env', 'deepsearch', '--kb', bad, '--seed', '1', '--actions', 'docs/examples/deepsearch-actions.txt');
    expect(both).toMatchObject({ status: 2, stderr: 'error: give either --kb or --seed, not both\n' });
    const missing = cli('replay', '--env', 'deepsearch', '--seed', '0', '--question', '99999', '--actions', 'docs/examples/deepsearch-actions.txt');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^error: question 99999 does not exist; the world has questions 0–\d+\n$/);
  });
});

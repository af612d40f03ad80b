/**
 * `train` keeps what an interruption would lose: JSON lines written as it goes, a checkpoint every N
 * iterations, and `--resume` continuing from that checkpoint exactly as the uninterrupted run would have
 * (run as the user runs it, through tsx).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'empg-resume-'));
const out = join(scratch, 'run.jsonl');
const small = ['--env', 'alfworld', '--preset', 'tiny', '--from', 'scratch', '--batch', '1', '--group', '2', '--max-steps', '2',
  '--grad-sample', '0', '--eval', '0', '--backend', 'cpu', '--quiet', '--out', out];

function train(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'train', ...small, ...args], { cwd: repoRoot, encoding: 'utf8' });
}
const lines = (file = out) => readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, number>);
const iterations = () => lines().map((m) => m.iteration);
/** A metric line without what depends on the clock or the process. */
const comparable = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([name]) => !name.startsWith('perf/') && name !== 'tfjs/num_tensors'));

describe('train --resume', () => {
  it('continues an interrupted run from its last checkpoint without repeating or losing an iteration', () => {
    const first = train('--iters', '2', '--checkpoint-every', '2');
    expect(first.stderr).not.toMatch(/error/);
    expect(first.status).toBe(0);
    expect(iterations()).toEqual([1, 2]);
    // An interruption after iteration 3's line but before its checkpoint, in the middle of writing line 4.
    appendFileSync(out, `${JSON.stringify({ iteration: 3, 'env/success_rate': 0 })}\n{"iteration": 4, "env/succ`);
    const resumed = train('--iters', '4', '--checkpoint-every', '2', '--resume');
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toMatch(/resuming at iteration 2 of 4 \(2 metric lines kept\)/);
    expect(iterations()).toEqual([1, 2, 3, 4]);
    expect(JSON.parse(readFileSync(join(scratch, 'run.ckpt.json'), 'utf8')).iteration).toBe(4);
    expect(train('--resume', '--out', '').stderr).toMatch(/error: --resume needs the --out/);
  });

  it('gives the uninterrupted run\'s metrics, line for line, after a resume', () => {
    const whole = join(scratch, 'whole.jsonl');
    const settings = ['--from', 'base', '--batch', '2', '--group', '3', '--max-steps', '4', '--grad-sample', '2', '--iters', '4'];
    expect(train(...settings, '--out', whole).status).toBe(0);
    const parts = join(scratch, 'parts.jsonl');
    expect(train(...settings, '--out', parts, '--iters', '2', '--checkpoint-every', '2').status).toBe(0);
    const resumed = train(...settings, '--out', parts, '--checkpoint-every', '2', '--resume');
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).not.toMatch(/note:/);
    expect(lines(parts).map(comparable)).toEqual(lines(whole).map(comparable));
    expect(lines(whole).some((m) => m['batch/update_steps'] > 0)).toBe(true);
  });

  it('answers --help with its flags, including --resume', () => {
    const help = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'train', '--help'], { cwd: repoRoot, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--resume/);
    expect(help.stdout).toMatch(/--checkpoint-every VALUE/);
  });
});

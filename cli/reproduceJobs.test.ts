import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardArgs } from './reproduce';

describe('reproduce --jobs', () => {
  it('gives each child the same flags and its own shard', () => {
    expect(shardArgs(['--profile', 'quick', '--jobs', '2', '--part', 'main'], 2, 2)).toEqual(['reproduce', '--profile', 'quick', '--part', 'main', '--shard', '2/2']);
    expect(shardArgs(['--jobs=3', '--regime', 'webshop'], 1, 3)).toEqual(['reproduce', '--regime', 'webshop', '--shard', '1/3']);
  });

  it('plans exactly the runs of one process, split between its shards (dry run)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reproduce-jobs-'));
    try {
      const cli = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', 'reproduce', '--profile', 'smoke', '--dir', dir, '--dry-run', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      const lines = (text: string) => text.split('\n').filter(Boolean).sort();
      const one = lines(cli());
      expect(one.length).toBeGreaterThan(10);
      expect(lines(cli('--jobs', '2'))).toEqual(one);
      expect(() => cli('--jobs', '2', '--shard', '1/2')).toThrow(/leave out --shard/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

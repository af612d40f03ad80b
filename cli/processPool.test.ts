import { describe, expect, it } from 'vitest';
import { jobsFlag, runCli, runPool } from './processPool';

describe('runPool', () => {
  it('keeps at most `jobs` running, starts in order and returns results in item order', async () => {
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const items = [5, 1, 4, 2, 3, 0];
    const results = await runPool(items, 2, async (item, index) => {
      started.push(index);
      running++;
      peak = Math.max(peak, running);
      // Finish in a different order than started.
      for (let i = 0; i < item; i++) await Promise.resolve();
      running--;
      return item * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });

  it('starts nothing new after a failure and rejects with it', async () => {
    const started: number[] = [];
    const run = runPool([0, 1, 2, 3], 1, async (_, index) => {
      started.push(index);
      if (index === 1) throw new Error('run 1 failed');
      return index;
    });
    await expect(run).rejects.toThrow('run 1 failed');
    expect(started).toEqual([0, 1]);
  });

  it('rejects a bad --jobs value with a clear message', () => {
    expect(jobsFlag('3')).toBe(3);
    expect(jobsFlag(undefined)).toBeGreaterThanOrEqual(1);
    expect(() => jobsFlag('0')).toThrow(/--jobs must be a positive integer, got "0"/);
    expect(() => jobsFlag('two')).toThrow(/positive integer/);
  });
});

describe('runCli', () => {
  it('collects a failing command\'s exit code and output, or streams its stderr line by line', async () => {
    const collected = await runCli(['no-such-command']);
    expect(collected.code).not.toBe(0);
    expect(collected.stderr).toMatch(/no-such-command/);
    const lines: string[] = [];
    const streamed = await runCli(['no-such-command'], { onStderrLine: (line) => lines.push(line) });
    expect(streamed.code).toBe(collected.code);
    expect(streamed.stderr).toBe('');
    expect(lines.join('\n')).toBe(collected.stderr.split('\n').map((line) => line.trimEnd()).filter(Boolean).join('\n'));
  }, 30_000);
});

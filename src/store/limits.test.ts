import { describe, expect, it } from 'vitest';
import { clip, FILE_LIMITS, NOTICE_COUNT_LIMIT, readLimitedText } from './limits';
import { useRuntime } from './runtimeStore';

describe('size limits', () => {
  it('refuses a file by its size without reading it', async () => {
    let read = false;
    const huge = { name: 'big.json', size: 52 * 2 ** 20, text: async () => { read = true; return ''; } };
    await expect(readLimitedText(huge, FILE_LIMITS.checkpoint, 'checkpoint')).rejects.toThrow('big.json is 52.0 MB; the largest checkpoint this page reads is 20.0 MB');
    expect(read).toBe(false);
    await expect(readLimitedText({ name: 'ok.json', size: 2, text: async () => '{}' }, FILE_LIMITS.checkpoint, 'checkpoint')).resolves.toBe('{}');
  });

  it('keeps banner lines short and few', () => {
    const { notify } = useRuntime.getState();
    notify('error', 'x'.repeat(52_000_000));
    expect(useRuntime.getState().notices[0].text.length).toBeLessThan(700);
    for (let i = 0; i < 5000; i++) notify('warning', `line ${i}`);
    const notices = useRuntime.getState().notices;
    expect(notices).toHaveLength(NOTICE_COUNT_LIMIT);
    expect(notices.at(-1)!.text).toBe('line 4999');
    expect(clip('abcdef', 3)).toBe('abc… (3 more characters)');
  });
});

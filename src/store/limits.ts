/**
 * Size limits on what a user can hand the page, so that no file, link or message is copied whole into
 * memory, the banner or a worker message: a file is refused by its size before it is read, a URL value
 * by its length before it is parsed or echoed, and a banner line is shortened.
 */

/** The largest file of each kind the page reads (the shipped ones are far smaller). */
export const FILE_LIMITS = {
  /** Checkpoints: the base ones are 0.1–0.2 MB; a small model trained long stays under 5 MB. */
  checkpoint: 20 * 2 ** 20,
  /** Recorded runs and metric JSON lines: the shipped recordings are under 1.5 MB. */
  run: 50 * 2 ** 20,
  /** Scene, catalogue and knowledge files for the play panel: the examples are a few kB. */
  world: 5 * 2 ** 20,
} as const;

/** The longest URL value read; every real one is a few characters. */
export const URL_VALUE_LIMIT = 200;
/** The most URL parameters read; the schema has about thirty keys. */
export const URL_PARAM_LIMIT = 100;
/** The longest banner line; longer ones are cut with a note of how much was left out. */
export const NOTICE_TEXT_LIMIT = 600;
/** The most banner lines kept; older ones go first. */
export const NOTICE_COUNT_LIMIT = 20;

/** Bytes in words: `52.4 MB`, `312 kB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 2 ** 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/** Reads a picked file's text, refusing one larger than `limit` before reading it. */
export async function readLimitedText(file: Pick<File, 'name' | 'size' | 'text'>, limit: number, what: string): Promise<string> {
  if (file.size > limit) throw new Error(`${clip(file.name, 80)} is ${formatBytes(file.size)}; the largest ${what} this page reads is ${formatBytes(limit)}`);
  return file.text();
}

/** Text cut to `limit` characters, saying how many were left out. */
export function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

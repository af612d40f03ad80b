/**
 * Command-line flags for the page and soak scripts, on node:util's parseArgs (strict): `--name value`
 * and `--flag`; `--help` / `-h` prints the usage and exits; an unknown flag or a flag without its value
 * is an error that ends with the usage. Numbers are checked by name (`numberFlag`).
 */
import { parseArgs } from 'node:util';

/**
 * Parses `argv` against `options` (node:util's parseArgs option list: `{ name: { type: 'string' |
 * 'boolean' } }`); returns the values given (absent flags are undefined).
 */
export function readFlags(argv, options, help) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${help}`);
  }
  if (parsed.values.help) {
    console.log(help);
    process.exit(0);
  }
  return parsed.values;
}

/** The flag `--name` as a finite number, `fallback` when absent, or an error naming the flag. */
export function numberFlag(values, name, fallback) {
  const text = values[name];
  if (text === undefined) return fallback;
  const value = Number(text);
  if (typeof text !== 'string' || text.trim() === '' || !Number.isFinite(value)) throw new Error(`--${name} must be a number (got "${String(text)}")`);
  return value;
}

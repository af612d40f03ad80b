/** Small helpers shared by the CLI commands: flag parsing with clear errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Parses `argv` against `options`, turning parse errors into one readable line. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  if (argv.includes('--help') || argv.includes('-h')) {
    throw new HelpRequest(Object.entries(options).map(([name, o]) => `  --${name}${o.type === 'string' ? ' VALUE' : ''}${o.default !== undefined ? ` (default ${String(o.default)})` : ''}`).join('\n'));
  }
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A mistake in how a command was called: printed without a stack trace. */
export class UsageError extends Error {}

/** `--help` on a command: the message is its list of flags. */
export class HelpRequest extends Error {}

/** Reads an integer flag, or throws a UsageError naming it. */
export function intFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be an integer, got "${value}"`);
  return n;
}

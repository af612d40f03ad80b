/** Small helpers shared by the CLI commands: flag parsing with clear errors. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Parses `argv` against `options`, turning parse errors into one readable line. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A mistake in how a command was called: printed without a stack trace. */
export class UsageError extends Error {}

/** Reads an integer flag, or throws a UsageError naming it. */
export function intFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new UsageError(`--${name} must be an integer, got "${value}"`);
  return n;
}

/** Types of scripts/lib/args.mjs (command-line flags for the page and soak scripts). */
import type { ParseArgsConfig } from 'node:util';

/** Parses `argv` against `options`; `--help` prints `help` and exits; unknown flags are errors. */
export function readFlags(argv: string[], options: NonNullable<ParseArgsConfig['options']>, help: string): Record<string, string | boolean | undefined>;
/** The flag `--name` as a finite number, `fallback` when absent, or an error naming the flag. */
export function numberFlag(values: Record<string, string | boolean | undefined>, name: string, fallback: number): number;

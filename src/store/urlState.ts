/**
 * The view state that lives in the URL hash (`#backend=wasm&…`), so any view can be shared as a link.
 * One zod schema is the single source of the keys, their defaults and their validation. Invalid values
 * are reported and replaced by defaults; they never break the page.
 */
import { z } from 'zod';
import { BACKENDS } from '../train/backendNames';

/** Every key the hash understands, with its default. */
export const hashSchema = z.object({
  /** Which TF.js backend to use; `auto` chooses (see src/train/backend.ts). */
  backend: z.enum(['auto', ...BACKENDS]).default('auto'),
});

/** The parsed hash state. */
export type HashState = z.infer<typeof hashSchema>;

/** The defaults, used for every missing or invalid key. */
export const defaultHashState: HashState = hashSchema.parse({});

/** The result of reading a hash: the usable state plus one readable line per problem found. */
export interface ParsedHash {
  state: HashState;
  problems: string[];
}

/** Parses `#key=value&…` (the leading `#` is optional). Never throws. */
export function parseHash(hash: string): ParsedHash {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const raw: Record<string, string> = {};
  const problems: string[] = [];
  const known = Object.keys(hashSchema.shape);
  for (const [key, value] of params) {
    if (known.includes(key)) raw[key] = value;
    else problems.push(`Unknown URL parameter "${key}" was ignored (known: ${known.join(', ')}).`);
  }
  const state: Record<string, unknown> = { ...defaultHashState };
  for (const key of known) {
    if (!(key in raw)) continue;
    const field = hashSchema.shape[key as keyof typeof hashSchema.shape];
    const parsed = field.safeParse(raw[key]);
    if (parsed.success) state[key] = parsed.data;
    else problems.push(`URL parameter ${key}="${raw[key]}" is invalid (${parsed.error.issues[0]?.message}); using the default "${String(state[key])}".`);
  }
  return { state: state as HashState, problems };
}

/** Writes the state back as a hash, leaving out values equal to their defaults. */
export function formatHash(state: HashState): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value !== defaultHashState[key as keyof HashState]) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** The environment commands: `replay` (one JSON line per step) and `envstats` (the preset tables). */
import { readFile } from 'node:fs/promises';
import { intFlag, parseFlags, UsageError } from './args';
import { JSON_DEPTH_LIMIT, jsonTooDeep } from '../src/core/jsonDepth';

export const ENV_NAMES = ['alfworld', 'webshop', 'deepsearch'] as const;

/** Reads `--env`, which must name one of the environments (or be absent when `fallback` is given). */
export function envFlag(value: string | undefined, fallback?: string): string {
  const env = value ?? fallback;
  if (env === undefined) throw new UsageError(`--env is required (${ENV_NAMES.join(' or ')})`);
  if (!(ENV_NAMES as readonly string[]).includes(env)) throw new UsageError(`unknown --env "${env}" (known: ${ENV_NAMES.join(', ')})`);
  return env;
}

/** Reads and JSON-decodes a user file, with an error that names the file (the replay modules re-read it). */
async function checkJsonFile(path: string, what: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (jsonTooDeep(json)) throw new UsageError(`${what} ${path} nests more than ${JSON_DEPTH_LIMIT} levels deep; no ${what} does`);
}

/** `replay --env alfworld|webshop|deepsearch …`: one JSON line per step (docs/ENVIRONMENTS.md). */
export async function replay(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, {
    env: { type: 'string' }, scene: { type: 'string' }, catalogue: { type: 'string' }, goal: { type: 'string' },
    seed: { type: 'string' }, preset: { type: 'string' }, actions: { type: 'string' }, kb: { type: 'string' }, question: { type: 'string' },
  });
  const env = envFlag(flags.env);
  if (flags.actions === undefined) throw new UsageError('replay needs --actions FILE (one action per line)');
  await readFile(flags.actions, 'utf8').catch((error: Error) => {
    throw new UsageError(`cannot read actions ${flags.actions}: ${error.message}`);
  });
  const seed = flags.seed === undefined ? undefined : intFlag('seed', flags.seed, 0);
  if (env === 'deepsearch') return replayDeepSearch(flags, seed);
  if (flags.kb !== undefined || flags.question !== undefined) throw new UsageError('--kb and --question are Deep Search flags');
  if (env === 'alfworld') {
    if (flags.catalogue !== undefined || flags.goal !== undefined) throw new UsageError('--catalogue and --goal are WebShop flags; ALFWorld takes --scene or --seed');
    if (flags.scene === undefined && seed === undefined) throw new UsageError('replay --env alfworld needs --scene FILE or --seed N');
    if (flags.scene !== undefined && (seed !== undefined || flags.preset !== undefined)) throw new UsageError('give either --scene or --seed/--preset, not both');
    if (flags.scene !== undefined) await checkJsonFile(flags.scene, 'scene');
    const { runReplay } = await import('./replay-alfworld');
    return runReplay({ scene: flags.scene, seed, preset: flags.preset, actions: flags.actions });
  }
  if (flags.scene !== undefined) throw new UsageError('--scene is an ALFWorld flag; WebShop takes --catalogue FILE or --seed N');
  if (flags.catalogue === undefined && seed === undefined) throw new UsageError('replay --env webshop needs --catalogue FILE or --seed N');
  if (flags.catalogue !== undefined && seed !== undefined) throw new UsageError('give either --catalogue or --seed, not both');
  if (flags.catalogue !== undefined) await checkJsonFile(flags.catalogue, 'catalogue');
  const goal = flags.goal === undefined ? undefined : intFlag('goal', flags.goal, 0);
  const { runReplay } = await import('./replay-webshop');
  try {
    await runReplay({ catalogue: flags.catalogue, goal, seed, preset: flags.preset, actions: flags.actions });
  } catch (error) {
    // Loading errors (invalid catalogue, unknown preset or goal) are the user's to fix: no stack trace.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `replay --env deepsearch`: --kb FILE or --seed N, [--preset P], [--question N]. */
async function replayDeepSearch(flags: Record<string, string | boolean | undefined>, seed: number | undefined): Promise<void> {
  const kb = flags.kb as string | undefined;
  if (flags.scene !== undefined || flags.catalogue !== undefined || flags.goal !== undefined) {
    throw new UsageError('--scene, --catalogue and --goal belong to the other environments; Deep Search takes --kb FILE or --seed N, and --question N');
  }
  if (kb !== undefined && seed !== undefined) throw new UsageError('give either --kb or --seed, not both');
  if (kb !== undefined) await checkJsonFile(kb, 'knowledge base');
  const question = flags.question === undefined ? undefined : intFlag('question', flags.question as string, 0);
  const { runReplay } = await import('./replay-deepsearch');
  try {
    await runReplay({ kb, question, seed, preset: flags.preset as string | undefined, actions: flags.actions as string });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** `envstats [--env alfworld|webshop|deepsearch]`: the measured preset tables of docs/ENVIRONMENTS.md. */
export async function envstats(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, { env: { type: 'string' } });
  const envs = flags.env === undefined ? ENV_NAMES : [envFlag(flags.env)];
  const sections: string[] = [];
  for (const env of envs) {
    const { runEnvStats } = env === 'alfworld' ? await import('./envstats-alfworld')
      : env === 'webshop' ? await import('./envstats-webshop') : await import('./envstats-deepsearch');
    const title = env === 'alfworld' ? 'ALFWorld-lite' : env === 'webshop' ? 'WebShop-lite' : 'Deep Search-lite';
    sections.push(`## ${title}\n\n${await runEnvStats()}`);
  }
  console.log(sections.join('\n\n'));
}

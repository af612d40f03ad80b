/**
 * The command line: the same core as the page, headless in Node.
 *   npm run cli -- <command> [flags]
 */
import { HelpRequest, UsageError } from './args';

const commands: Record<string, { summary: string; run(argv: string[]): Promise<void> }> = {
  bench: {
    summary: 'measure EMPG vs GRPO advantage time and the backend speed probe (npm run bench)',
    run: async (argv) => (await import('./bench')).runBench(argv),
  },
  train: {
    summary: 'train with GRPO/DAPO ± EMPG: --env, --preset, --algo grpo+empg, --seed, --iters, --out run.jsonl (see --help)',
    run: async (argv) => (await import('./train')).runTrain(argv),
  },
  eval: {
    summary: 'greedy evaluation of a checkpoint on held-out tasks: --checkpoint FILE [--episodes 256]',
    run: async (argv) => (await import('./train')).runEval(argv),
  },
  pretrain: {
    summary: 'supervised warm start on noisy demonstrations → a base checkpoint (npm run pretrain)',
    run: async (argv) => (await import('./train')).runPretrain(argv),
  },
  record: {
    summary: 'a precomputed GRPO vs GRPO+EMPG run for the page\'s first paint: --env alfworld --iters 24 [--out public/recordings/ENV.json]',
    run: async (argv) => (await import('./record')).runRecord(argv),
  },
  'export-steps': {
    summary: 'train a few iterations and write every step in the empg-steps/v1 import format: --env, --algo, --iters 3, --out FILE.jsonl',
    run: async (argv) => (await import('./exportSteps')).runExportSteps(argv),
  },
  sweep: {
    summary: 'every algorithm × seeds as separate train runs, then a mean ± std table: --env, --iters, --seeds 1,2,3, --dir, --jobs N (default: one per core)',
    run: async (argv) => (await import('./sweep')).runSweep(argv),
  },
  reproduce: {
    summary: 'the research grid, resumable: --profile quick|full [--shard i/n | --jobs N] [--part main,ablation,…] [--regime id,…] [--dir results/quick] [--max-runs N]; reproduce merge --into DIR SHARD…',
    run: async (argv) => (await import('./reproduce')).runReproduce(argv),
  },
  results: {
    summary: 'docs/RESULTS.md and its SVG figures from the committed run summaries: [--profile quick] [--dir results/quick]',
    run: async (argv) => (await import('./results')).runResults(argv),
  },
  'entropy-change': {
    summary: 'Fig. 3 analogue: entropy change of fixed base-policy steps after training, by initial-entropy percentile: --regime webshop [--seeds 1,2,3] [--iters 30]',
    run: async (argv) => (await import('./entropyChange')).runEntropyChange(argv),
  },
  premise: {
    summary: 'is a confident step a good (on ALFWorld-lite also a correct) step? premise AUC per step-entropy mode and where each update\'s push lands, on a checkpoint\'s rollouts: --env, --batches 8 [--checkpoint FILE] [--no-centre]',
    run: async (argv) => (await import('./premise')).runPremise(argv),
  },
  replay: {
    summary: 'play an action file, one JSON line per step: --env alfworld|webshop|deepsearch, --scene S.json (alfworld) or '
      + '--catalogue C.json (webshop) or --kb K.json (deepsearch) or --seed N [--preset P], [--goal N] (webshop), '
      + '[--question N] (deepsearch), --actions A.txt',
    run: async (argv) => (await import('./envCommands')).replay(argv),
  },
  envstats: {
    summary: 'measure every preset (oracle, random, demonstrator, prompt words) as markdown tables [--env alfworld|webshop|deepsearch]',
    run: async (argv) => (await import('./envCommands')).envstats(argv),
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: npm run cli -- <command> [flags]\n\ncommands:\n${lines.join('\n')}`;
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    console.log(usage());
    return;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"\n\n${usage()}`);
  try {
    await command.run(rest);
  } catch (error) {
    if (!(error instanceof HelpRequest)) throw error;
    console.log(`usage: npm run cli -- ${name} [flags]\n\n  ${command.summary}\n\nflags:\n${error.message}`);
  }
}

// Errors are one readable line; EMPG_DEBUG=1 adds the stack trace.
main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`error: ${message}`);
  if (process.env.EMPG_DEBUG && error instanceof Error) console.error(error.stack);
  process.exit(error instanceof UsageError ? 2 : 1);
});

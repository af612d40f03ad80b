/**
 * The command line: the same core as the page, headless in Node.
 *   npm run cli -- <command> [flags]
 */
import { UsageError } from './args';

const commands: Record<string, { summary: string; run(argv: string[]): Promise<void> }> = {
  bench: {
    summary: 'measure EMPG vs GRPO advantage time and the backend speed probe (npm run bench)',
    run: async (argv) => (await import('./bench')).runBench(argv),
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
  await command.run(rest);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) console.error(`error: ${error.message}`);
  else console.error(error);
  process.exit(error instanceof UsageError ? 2 : 1);
});

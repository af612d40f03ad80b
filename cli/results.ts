/**
 * `results`: docs/RESULTS.md and its SVG figures (docs/results/) from the run summaries under
 * `results/<profile>/`, the Fig. 3 analogue's files under `results/<profile>/fig3/` (made by
 * `entropy-change`), plus the hand-written `results/<profile>/DISCUSSION.md` if there is one; and
 * `public/results/<profile>.json`, the bundle the page's Experiments view shows (not for `smoke`), and for `quick`
 * the first screen's line on success at this scale (src/ui/story/resultsHeadline.json).
 * Reads committed files only; trains nothing.
 *
 *   npm run cli -- results [--profile quick] [--dir results/quick] [--out docs/RESULTS.md]
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { currentRuns, gridOf, PROFILES, type Profile } from '../src/experiments/grid';
import { experimentsBundle } from '../src/experiments/bundle';
import { HEADLINE_PATH, resultsHeadline } from '../src/experiments/headline';
import { parseEntropyChange, type EntropyChange } from '../src/experiments/entropyChange';
import { buildReport } from '../src/experiments/report';
import { parseRunSummary, type RunSummary } from '../src/experiments/summary';
import { parseFlags, UsageError } from './args';

/** `results` (see the file comment). */
export async function runResults(argv: string[]): Promise<void> {
  const flags = parseFlags(argv, { profile: { type: 'string' }, dir: { type: 'string' }, out: { type: 'string' } });
  const name = flags.profile ?? 'quick';
  if (!(name in PROFILES)) throw new UsageError(`--profile must be ${Object.keys(PROFILES).join(', ')}, got "${name}"`);
  const profile = PROFILES[name as Profile['name']];
  const dir = flags.dir ?? `results/${profile.name}`;
  const out = flags.out ?? 'docs/RESULTS.md';
  const summaries: RunSummary[] = [];
  const entropyChanges: EntropyChange[] = [];
  const problems: string[] = [];
  if (existsSync(dir)) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const e of entries) {
      const path = join(e.parentPath, e.name);
      if (!e.isFile() || !e.name.endsWith('.json') || path.startsWith(join(dir, 'base'))) continue;
      let json: unknown = null;
      try {
        json = JSON.parse(await readFile(path, 'utf8'));
      } catch {
        problems.push(`${path}: not JSON`);
        continue;
      }
      if (path.startsWith(join(dir, 'fig3'))) {
        const change = parseEntropyChange(json);
        if (change.ok) entropyChanges.push(change.data);
        else problems.push(`${path}: ${change.errors.slice(0, 2).join('; ')}`);
        continue;
      }
      const parsed = parseRunSummary(json);
      if (parsed.ok) summaries.push(parsed.summary);
      else problems.push(`${path}: ${parsed.errors.slice(0, 2).join('; ')}`);
    }
  }
  if (problems.length) throw new UsageError(`invalid summaries (fix or remove them):\n  ${problems.join('\n  ')}`);
  summaries.sort((a, b) => a.spec.id.localeCompare(b.spec.id));
  // Runs trained with settings their regime no longer asks for are left out until `reproduce` replaces them.
  const { current, superseded } = currentRuns(summaries);
  const discussionPath = join(dir, 'DISCUSSION.md');
  const discussion = existsSync(discussionPath) ? await readFile(discussionPath, 'utf8') : '';
  entropyChanges.sort((a, b) => a.regime.localeCompare(b.regime));
  const report = buildReport(current, profile, gridOf(profile), discussion, entropyChanges, superseded);
  const figureDir = join(dirname(out), 'results');
  await rm(figureDir, { recursive: true, force: true });
  await mkdir(figureDir, { recursive: true });
  for (const [file, svg] of Object.entries(report.figures)) await writeFile(join(figureDir, file), svg);
  await writeFile(out, report.markdown);
  const bundlePath = profile.name === 'smoke' ? null : join('public', 'results', `${profile.name}.json`);
  if (bundlePath) {
    await mkdir(dirname(bundlePath), { recursive: true });
    const bundle = experimentsBundle(current, profile.name, profile.seeds);
    await writeFile(bundlePath, JSON.stringify(bundle) + '\n');
    // The first screen's line on success at this scale speaks of the profile the page shows.
    if (profile.name === 'quick') await writeFile(HEADLINE_PATH, JSON.stringify(resultsHeadline(bundle, profile.iterations), null, 2) + '\n');
  }
  const { unknown, untraced } = report.discussionProblems;
  if (unknown.length) console.error(`${discussionPath}: no value for {{${unknown.join('}}, {{')}}}`);
  if (untraced.length) console.error(`${discussionPath}: ${untraced.length} numbers not in the generated tables: ${untraced.join(', ')}`);
  if (superseded.length) console.error(`${superseded.length} summaries trained with superseded settings are left out:\n  ${superseded.join('\n  ')}`);
  console.error(`${out}: ${current.length} runs, ${entropyChanges.length} entropy-change files, ${Object.keys(report.figures).length} figures in ${figureDir}/; the page's bundle: ${bundlePath ?? 'none (smoke)'}`);
}

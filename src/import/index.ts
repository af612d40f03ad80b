/**
 * Importing real RL runs: read a file (streamed JSON lines, or a TRL Parquet table), collect it with
 * bounded memory, and analyse the kept training steps. No React, no DOM: it runs in a worker or in Node.
 */
import { RunAccumulator, DEFAULT_ACCUMULATE, type AccumulatedRun, type AccumulateOptions } from './accumulate';
import { analyseTrainStep, GRPO_EPS, trainStepMetrics, type AnalysedTrainStep } from './analyse';
import { LineSplitter } from './lines';
import { isParquet, readTrlParquet } from './trl';
import type { EmpgOptions } from '../core/empg';

export * from './accumulate';
export * from './analyse';
export * from './records';
export * from './stepFormat';
export { LineSplitter } from './lines';
export { isParquet, readTrlParquet } from './trl';
export { metaLine, stepLine } from './exportSteps';

/** A whole import: the collected file, its analysed training steps and the charts' scalars per training step. */
export interface ImportResult {
  run: AccumulatedRun;
  analysed: AnalysedTrainStep[];
  history: Record<string, number>[];
}

/** Analyses what an accumulator collected. */
export function analyseRun(run: AccumulatedRun, empg: EmpgOptions): ImportResult {
  const grpoEps = GRPO_EPS[run.format ?? 'empg-steps'];
  const analysed = [...run.kept].map(([trainStep, steps]) => analyseTrainStep(trainStep, steps, { ...empg, grpoEps }));
  const byStep = new Map(analysed.map((a) => [a.trainStep, a]));
  const history = run.tallies.map((tally) => trainStepMetrics(tally, byStep.get(tally.trainStep)));
  return { run, analysed, history };
}

/**
 * Reads one file from a byte stream (a browser `File.stream()`, or a Node stream turned into one) into
 * an accumulator; several files (verl writes one per training step) can feed the same one. A Parquet
 * file is recognised from its first bytes and read as a TRL completions table. `onProgress` gets the
 * bytes read so far.
 */
export async function feedStream(acc: RunAccumulator, stream: ReadableStream<Uint8Array>, onProgress: (read: number) => void = () => {}): Promise<void> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const splitter = new LineSplitter((line, n) => acc.addLine(line, n));
  let read = 0;
  let parquet: boolean | null = null;
  const parquetChunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parquet ??= isParquet(value);
    read += value.byteLength;
    if (parquet) parquetChunks.push(value);
    else splitter.push(decoder.decode(value, { stream: true }));
    onProgress(read);
  }
  if (parquet) {
    const bytes = new Uint8Array(read);
    let at = 0;
    for (const chunk of parquetChunks) {
      bytes.set(chunk, at);
      at += chunk.byteLength;
    }
    const rows = await readTrlParquet(bytes.buffer);
    rows.forEach((row, i) => acc.addRow(row, i + 1));
  } else {
    splitter.push(decoder.decode());
    splitter.end();
  }
}

/** Collects a whole text (JSON lines) at once: for tests, the CLI and small files. */
export function importText(text: string, opts: AccumulateOptions = DEFAULT_ACCUMULATE): AccumulatedRun {
  const acc = new RunAccumulator(opts);
  const splitter = new LineSplitter((line, n) => acc.addLine(line, n));
  splitter.push(text);
  splitter.end();
  return acc.finish();
}

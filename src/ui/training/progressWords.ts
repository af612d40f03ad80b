/**
 * The words and the fill of the progress line: where the running iteration is, or what Pause did to it.
 * Pause takes effect at the next safe point — before a rollout step, before the update, between two
 * minibatches — and abandons the iteration there (src/train/trainer.ts says why nothing of it is kept).
 */
import type { LaneProgress, QueuedCommand } from '../../store/progressStore';

/** What the progress line shows. */
export interface ProgressLine {
  text: string;
  /** How far the current phase is, 0–1 (the bar's fill). */
  fraction: number;
  phase: 'starting' | 'idle' | 'rollout' | 'update' | 'pausing' | 'abandoned';
}

/**
 * The live run does not exist yet: `backend` is the worker's phase (`ready` once the backend is chosen,
 * while the model is built), `queued` the command pressed meanwhile.
 */
export interface StartingRun {
  backend: 'starting' | 'selecting' | 'ready';
  queued: QueuedCommand | null;
}

const QUEUED_WORDS: Record<QueuedCommand, string> = {
  play: 'Play starts training as soon as it is ready.',
  step: 'Step runs one iteration as soon as it is ready.',
  reset: 'Reset applies as soon as it is ready.',
};

/**
 * Describes `latest` for people. `running`: the lanes are playing; `pausing`: Pause was
 * pressed and has not yet taken effect; `lane`: the lane's name when two lanes alternate (else null);
 * `starting`: the live run is still being set up (then that is what the line says).
 */
export function describeProgress(latest: LaneProgress | null, running: boolean, pausing: boolean, lane: string | null, starting: StartingRun | null = null): ProgressLine {
  if (starting) {
    const what = starting.backend === 'ready' ? 'building the model' : 'choosing a backend (a speed probe and a self-check)';
    return { text: `Starting the run: ${what}…${starting.queued ? ` ${QUEUED_WORDS[starting.queued]}` : ''}`, fraction: 0, phase: 'starting' };
  }
  if (!latest) {
    return { text: running ? 'Starting the next iteration…' : 'Between iterations. Progress inside an iteration shows here.', fraction: 0, phase: 'idle' };
  }
  const p = latest.progress;
  const who = `Iteration ${latest.iteration}${lane ? ` (${lane})` : ''}`;
  const where = p.phase === 'rollout'
    ? `rollout step ${p.step} of at most ${p.maxSteps}`
    : p.minibatch === 0 ? 'the start of its update' : `update minibatch ${p.minibatch} of ${p.minibatches}`;
  if (latest.abandoned) {
    return {
      text: `Paused in ${who.toLowerCase()} at ${where}: that unfinished iteration was dropped, nothing of it learnt. Play runs it again, the same.`,
      fraction: 0, phase: 'abandoned',
    };
  }
  // A run of an iteration that Pause dropped before starts again from its first rollout step.
  const again = latest.rerun && latest.start.phase === 'rollout' && latest.start.step === 1 ? ' (run again from its start)' : latest.rerun ? ' (run again)' : '';
  const fraction = p.phase === 'rollout' ? (p.step - 1) / p.maxSteps : p.minibatches > 0 ? p.minibatch / p.minibatches : 1;
  if (pausing) return { text: `${who}${again}: pausing at the next safe point (now at ${where})…`, fraction, phase: 'pausing' };
  if (p.phase === 'rollout') {
    const round = p.round > 0 ? `, DAPO resampling round ${p.round}` : '';
    return {
      text: `${who}${again} · rollout${round}: step ${p.step} of at most ${p.maxSteps} · ${p.finished} of ${p.episodes} episodes finished`,
      fraction, phase: 'rollout',
    };
  }
  return {
    text: p.minibatch === 0
      ? `${who}${again} · update: ${p.minibatches} minibatch${p.minibatches === 1 ? '' : 'es'} to apply`
      : `${who}${again} · update: minibatch ${p.minibatch} of ${p.minibatches} applied`,
    fraction, phase: 'update',
  };
}

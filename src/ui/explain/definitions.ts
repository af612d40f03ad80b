/**
 * One line for everything on the page that needs explaining: every logged metric (the names of the
 * trainer, the CLI's JSONL and the exports), every per-step quantity, every training setting of
 * TrainConfig, and the page's controls and charts. The "?" buttons show these lines and
 * docs/METRICS.md lists them verbatim (definitions.test.ts keeps the two identical).
 */

/** One explained term. */
export interface Definition {
  /** Short human name ("success rate"). */
  label: string;
  /** The one-line definition. */
  text: string;
}

/** The groups of docs/METRICS.md, in its order. */
export type DefinitionSection = 'Metrics per iteration' | 'Per-step quantities' | 'Training settings' | 'Page controls and charts';

const metrics = {
  'iteration': { label: 'iteration', text: 'Completed training iterations (each one = roll out a batch, compute advantages, update the policy once).' },
  'env/success_rate': { label: 'success rate', text: 'Fraction of the iteration\'s rollouts that solved their task (before DAPO drops groups).' },
  'env/num_turns': { label: 'turns', text: 'Mean number of environment steps per rollout.' },
  'env/valid_action_ratio': { label: 'valid actions', text: 'Fraction of steps whose action the environment accepted (always 1 with masked decoding).' },
  'reward/mean': { label: 'reward', text: 'Mean outcome reward R(τ) per rollout: 1 for success, minus the invalid-action penalty in free decoding.' },
  'frac_reward_zero_std': { label: 'groups without signal', text: 'Fraction of groups whose G rollouts all got the same reward, so GRPO gives them zero advantage.' },
  'entropy/token_mean': { label: 'token entropy', text: 'Mean Shannon entropy (nats) of the sampling distribution over every generated token.' },
  'entropy/step_mean': { label: 'step entropy', text: 'Mean over steps of H_t, the average token entropy of a step\'s action.' },
  'dapo/resample_rounds': { label: 'DAPO resample rounds', text: 'Extra rollout rounds DAPO ran to replace groups without reward variance.' },
  'batch/groups': { label: 'groups in the batch', text: 'Task groups that went into the update (DAPO may keep fewer than sampled).' },
  'batch/steps': { label: 'steps in the batch', text: 'Number of steps (decisions) the update trained on.' },
  'policy/approx_kl': { label: 'approx KL', text: 'Mean of log π_old − log π_new over trained tokens: how far the update moved the policy.' },
  'policy/clipfrac': { label: 'clip fraction', text: 'Fraction of trained tokens whose probability ratio fell outside the clip range [1 − ε_low, 1 + ε_high].' },
  'grad/norm': { label: 'grad norm', text: 'Mean global L2 norm of the loss gradient per optimizer step, before clipping.' },
  'grad/norm_max': { label: 'max grad norm', text: 'Largest global L2 norm of the loss gradient among the iteration\'s optimizer steps, before clipping.' },
  'loss/pg': { label: 'policy loss', text: 'Clipped-surrogate policy-gradient loss, averaged over optimizer steps.' },
  'loss/kl': { label: 'KL loss', text: 'k3 estimate of the KL divergence to the initial policy (0 unless a KL weight is set).' },
  'adv/outcome_abs_mean': { label: 'mean |A(τ)|', text: 'Mean absolute outcome advantage over the batch\'s steps: what plain GRPO/DAPO would push.' },
  'adv/final_abs_mean': { label: 'mean |A_final|', text: 'Mean absolute advantage the update actually used (after EMPG when it is on).' },
  'empg/g_mean': { label: 'mean g', text: 'Mean of EMPG\'s scale g over the batch\'s steps; 1 by construction (self-calibrating).' },
  'empg/g_std': { label: 'g spread', text: 'Standard deviation of g over the batch\'s steps: how strongly EMPG redistributes the update.' },
  'empg/g_min': { label: 'min g', text: 'Smallest g of the batch, given to its most uncertain step (e^{-k} times the largest).' },
  'empg/g_max': { label: 'max g', text: 'Largest g of the batch, given to its most confident step.' },
  'empg/bonus_mean': { label: 'mean bonus', text: 'Mean future-clarity bonus ζ·f(H̃_{t+1}) added per step (0 on last steps).' },
  'coupling/plain_r': { label: 'coupling, plain', text: 'Pearson correlation of step entropy H_t with |A(τ)|·‖e_a − p‖ over the batch: the entropy/gradient coupling of plain policy gradients.' },
  'coupling/empg_r': { label: 'coupling, EMPG', text: 'Pearson correlation of step entropy H_t with |A_final|·‖e_a − p‖ over the batch: the coupling left after modulation.' },
  'premise/auc': { label: 'is a confident step a good step?', text: 'Over pairs of steps from the same group, one from a solved and one from a failed rollout: the share where the solved one had the lower step entropy (ties count ½). 0.5 = entropy says nothing about success; EMPG\'s premise needs clearly more.' },
  'premise/auc_same_verb': { label: '… within one kind of action', text: 'The same AUC, pairing only steps whose actions start with the same word (take with take, search with search), so a cheap and an expensive kind of action do not mask each other.' },
  'premise/auc/<verb>': { label: '… for one kind of action', text: 'The AUC over the steps of one kind of action only, e.g. premise/auc/take, premise/auc/click.' },
  'premise/pairs': { label: 'premise pairs', text: 'How many (solved step, failed step) pairs from the same group the AUC was computed from; 0 when no group had both outcomes.' },
  'premise/g_outcome_r': { label: 'g vs success', text: 'Pearson correlation, over steps of groups with both outcomes, of EMPG\'s scale g with the step\'s rollout having succeeded (1) or failed (0).' },
  'premise/no_signal_adv_share': { label: 'update without signal', text: 'Share of the batch\'s total |A_final| that sits in groups whose rewards all agree: update that no outcome asked for (0 without EMPG).' },
  'premise/against_outcome_share': { label: 'update against the outcome', text: 'Share of the batch\'s total |A_final| on steps whose final advantage has the opposite sign of their trajectory\'s outcome advantage A(τ): a step of a failed rollout pushed up, or of a solved one pushed down, by EMPG\'s centring or bonus (0 without EMPG).' },
  'premise/progress_auc': { label: 'is a confident step a correct one?', text: 'ALFWorld-lite only. Over whole task groups of the batch, taken in order until at least 400 steps are in (all of a small batch; steps where the planner gives up are left out), each step labelled by the oracle: it makes progress when the shortest plan after it is shorter than before it. The share of pairs (a progress step, another step) where the progress step had the lower step entropy (ties count ½). Unlike premise/auc it asks about the step itself, not about how its rollout ended.' },
  'premise/progress_auc_same_verb': { label: '… within one kind of action', text: 'The same AUC, pairing only steps whose actions start with the same word, so that a kind of action that is both sure and useful (or neither) does not make it.' },
  'premise/progress_share': { label: 'steps that make progress', text: 'Share of the labelled steps that make progress by the oracle\'s plan.' },
  'premise/progress_steps': { label: 'steps labelled', text: 'How many steps the oracle labelled this iteration (steps where its planner gave up are left out).' },
  'perf/iter_ms': { label: 'iteration time', text: 'Wall-clock milliseconds of the whole iteration.' },
  'perf/rollout_ms': { label: 'rollout time', text: 'Milliseconds spent playing the batch\'s episodes.' },
  'perf/grad_norm_ms': { label: 'grad-norm time', text: 'Milliseconds spent measuring the exact parameter-space gradient norms of the sampled steps.' },
  'perf/premise_ms': { label: 'oracle labelling time', text: 'ALFWorld-lite only: milliseconds spent labelling the sampled steps with the oracle\'s plan (part of the iteration time).' },
  'perf/update_ms': { label: 'update time', text: 'Milliseconds spent in the policy update.' },
  'perf/env_steps_per_s': { label: 'env steps per second', text: 'Environment steps per second during the rollout.' },
  'tfjs/num_tensors': { label: 'live tensors', text: 'TF.js tensors alive after the iteration; it stays flat when nothing leaks.' },
} as const satisfies Record<string, Definition>;

const stepQuantities = {
  'H_t': { label: 'step entropy H_t', text: 'Mean Shannon entropy (nats) of the tokens the policy generated at this step (all of them, or only its choices: the step-entropy mode): how unsure it was.' },
  'H̃_t': { label: 'normalised entropy H̃_t', text: 'H_t min–max normalised over every step of the batch, so 0 is the batch\'s most confident step and 1 its least.' },
  'g': { label: 'scale g', text: 'EMPG\'s self-calibrating scale exp(−k·H̃_t) / mean_batch exp(−k·H̃): above 1 amplifies a confident step, below 1 damps an uncertain one.' },
  'bonus': { label: 'future-clarity bonus', text: 'ζ·exp(−k_F·H̃_{t+1}): a reward for steps after which the policy is confident; 0 on a trajectory\'s last step.' },
  'A(τ)': { label: 'outcome advantage A(τ)', text: 'The base estimator\'s advantage of the whole trajectory (GRPO: reward z-scored within its group), the same for all its steps.' },
  'A_final': { label: 'final advantage A_final', text: 'EMPG\'s advantage of the step: g·A(τ) + bonus, minus its batch mean; without EMPG it equals A(τ).' },
  '‖e_a − p‖': { label: 'logit-space gradient norm', text: 'Mean over the step\'s tokens of ‖e_a − p‖, the size of ∇_logits log π(a); it grows with the distribution\'s entropy.' },
  '‖∇θ log π‖': { label: 'parameter-space gradient norm', text: 'Exact L2 norm of the gradient of the step\'s log-probability with respect to all weights, measured on a sample of steps.' },
  'update magnitude': { label: 'update magnitude', text: '|advantage| × gradient norm: how hard the update pushes on this step, plain (A(τ)) or EMPG (A_final).' },
  'reward': { label: 'reward R(τ)', text: 'The trajectory\'s outcome reward, given at its end: 1 on success, less the invalid-action penalty in free decoding.' },
  'top-5': { label: 'top-5 alternatives', text: 'The five most likely tokens at this position of the sampling distribution, with their probabilities.' },
} as const satisfies Record<string, Definition>;

const settings = {
  'env': { label: 'environment', text: 'Which text world the agent learns in: ALFWorld-lite (household tasks), WebShop-lite (shopping) or Deep Search-lite (multi-hop questions answered with a search tool).' },
  'preset': { label: 'preset', text: 'Size and difficulty of the environment (tiny, small, standard).' },
  'seed': { label: 'seed', text: 'Seed of everything random in a run: initial weights, tasks, sampling, minibatch order; same seed, same run.' },
  'algorithm': { label: 'algorithm', text: 'Base estimator: GRPO (group z-scored rewards) or DAPO (clip-higher, resampling of groups without signal, no KL).' },
  'empg': { label: 'EMPG', text: 'Entropy modulation on top: off, full, scaling only (ζ = 0) or bonus only (g ≡ 1) — the two ablations.' },
  'k': { label: 'k', text: 'Temperature of g: how strongly confident steps are favoured over uncertain ones (paper: 1).' },
  'kF': { label: 'k_F', text: 'Temperature of the future-clarity bonus f (paper: 1).' },
  'zeta': { label: 'ζ', text: 'Weight of the future-clarity bonus (project page: 0.1).' },
  'stepEntropy': { label: 'step-entropy mode', text: 'What H_t averages: all — every generated token (the paper literally; forced tokens count as 0); choices — only tokens with more than one allowed continuation; normalized — each choice\'s entropy ÷ log(number of allowed tokens), so a 3-way and a 12-way choice compare.' },
  'bonusOnlyInSignalGroups': { label: 'bonus only with signal', text: 'Add the bonus only in groups whose rewards vary (a variant; the paper adds it everywhere).' },
  'empgCentre': { label: 'centre over the batch', text: 'EMPG\'s last step subtracts the mean advantage over all the batch\'s steps (Eq. 7), so the advantages sum to zero. Off only as an ablation.' },
  'scaleByStd': { label: 'scale by std', text: 'Divide group advantages by the group\'s reward std (GRPO); off gives Dr.GRPO\'s unscaled advantages.' },
  'tasksPerIteration': { label: 'batch size B', text: 'Tasks sampled per iteration (paper: 16).' },
  'groupSize': { label: 'group size G', text: 'Rollouts per task; GRPO compares them with each other (paper: 8).' },
  'temperature': { label: 'temperature', text: 'Sampling temperature of the rollouts: above 1 flattens the policy, below 1 sharpens it (verl-agent: 1).' },
  'decoding': { label: 'decoding', text: 'Masked: only tokens that continue an admissible action; free: any token, and invalid actions are no-ops.' },
  'invalidPenalty': { label: 'invalid-action penalty', text: 'Reward subtracted per invalid action in free decoding (verl-agent: 0.1).' },
  'maxSteps': { label: 'step limit', text: 'Most steps per training episode; unset uses the preset\'s own limit.' },
  'dapoMaxResampleRounds': { label: 'DAPO resample rounds', text: 'How many extra rollout rounds DAPO may run to replace groups without signal.' },
  'lr': { label: 'learning rate', text: 'Adam step size; applies from the next iteration without a reset.' },
  'adamEpsilon': { label: 'Adam ε', text: 'Adam\'s denominator epsilon, explicit so every backend computes the same update.' },
  'maxGradNorm': { label: 'grad clip', text: 'The global gradient norm is scaled down to at most this value before each optimizer step.' },
  'ppoEpochs': { label: 'PPO epochs', text: 'Passes over each iteration\'s data.' },
  'miniBatchSize': { label: 'minibatch size', text: 'Steps per minibatch; each minibatch is one optimizer step.' },
  'clipLow': { label: 'ε_low', text: 'Lower clip of the probability ratio (0.2).' },
  'clipHigh': { label: 'ε_high', text: 'Upper clip of the probability ratio; unset: 0.2 for GRPO, 0.28 for DAPO (clip-higher).' },
  'klCoef': { label: 'KL weight', text: 'Weight of the KL penalty to the initial policy (0 = off; DAPO never uses it).' },
  'modelSize': { label: 'model size', text: 'Tiny (width 32, 1 layer) for CPU backends or small (width 64, 2 layers) for a GPU.' },
  'context': { label: 'context', text: 'Tokens the model sees; unset: what the environment\'s prompts need.' },
  'gradNormSample': { label: 'exact-norm sample', text: 'Steps per iteration whose exact parameter-space gradient norm is measured (0 = none, −1 = all).' },
} as const satisfies Record<string, Definition>;

const page = {
  'play': { label: 'Play', text: 'Train continuously, one iteration after another, until paused (Space).' },
  'pause': { label: 'Pause', text: 'Stop after the current iteration (Space).' },
  'step-once': { label: 'Step', text: 'Run exactly one iteration (the . key).' },
  'reset': { label: 'Reset', text: 'Back to iteration 0 with the same initial weights and task stream.' },
  'speed': { label: 'refresh speed', text: 'How often the page redraws the charts while training; training itself runs at full speed.' },
  'backend': { label: 'backend', text: 'The TF.js backend that runs the model (webgpu, webgl, wasm or cpu) and why it was chosen.' },
  'compare': { label: 'compare lanes', text: 'Train two configurations side by side from the same seed, tasks and initial weights, alternating iterations.' },
  'seed-sweep': { label: 'across seeds', text: "Train the lanes from several consecutive seeds, one after the other, and draw each lane's mean with a band of ± one standard deviation across seeds." },
  'entropy-grad-chart': { label: 'entropy vs update magnitude', text: 'One point per step: x = step entropy H_t, y = |advantage| × gradient norm, plain and/or after EMPG.' },
  'magnitude-mode': { label: 'plain / EMPG / both', text: 'Which advantage scales the points: A(τ) (plain GRPO/DAPO), A_final (EMPG), or both linked per step.' },
  'norm-space': { label: 'gradient norm', text: 'Logit space ‖e_a − p‖ (every step, cheap) or the exact parameter-space ‖∇θ log π‖ (sampled steps only).' },
  'binned-view': { label: 'binned by entropy', text: 'Steps split into ten equally full entropy percentiles; bars show each decile\'s mean update magnitude.' },
  'iteration-window': { label: 'iterations shown', text: 'How many of the last kept iterations the chart draws; older ones are faded.' },
  'advantage-column': { label: 'advantage per group', text: 'Each group\'s rollouts as bars of A(τ) (green: solved, red: failed), and what EMPG made of them.' },
  'inspector': { label: 'trajectory inspector', text: 'Step through one rollout: what the agent saw, the tokens it wrote and the numbers its update used.' },
  'token-colour': { label: 'token colour', text: 'Each generated token is shaded by the entropy of the distribution it was drawn from: darker = less sure.' },
  'group-rollouts': { label: 'the group\'s rollouts', text: 'The other rollouts of the same task in this batch; GRPO judges each against them.' },
  'empg-in-60s': { label: 'EMPG in 60 seconds', text: 'The algorithm\'s five equations with the latest iteration\'s numbers plugged in.' },
} as const satisfies Record<string, Definition>;

/** Every definition, grouped as in docs/METRICS.md. */
export const DEFINITION_SECTIONS: Record<DefinitionSection, Record<string, Definition>> = {
  'Metrics per iteration': metrics,
  'Per-step quantities': stepQuantities,
  'Training settings': settings,
  'Page controls and charts': page,
};

/** A term that has a definition. */
export type Term = keyof typeof metrics | keyof typeof stepQuantities | keyof typeof settings | keyof typeof page;

/** Every definition by term. */
export const DEFINITIONS: Record<Term, Definition> = { ...metrics, ...stepQuantities, ...settings, ...page };

/** The line docs/METRICS.md holds for a term: "- `term` (label): text". */
export function metricsDocLine(term: string, definition: Definition): string {
  return `- \`${term}\` (${definition.label}): ${definition.text}`;
}

/** The definition of a metric name if there is one (metric names come from the trainer as strings). */
export function definitionOf(term: string): Definition | undefined {
  return (DEFINITIONS as Record<string, Definition>)[term];
}

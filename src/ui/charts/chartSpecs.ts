/**
 * The live charts of the training view: which metrics each one draws (names as in docs/METRICS.md),
 * how its lines differ, and a one-line meaning for its "?" and its screen-reader description.
 */

/** One line of a chart (drawn once per lane, in the lane's colour). */
export interface ChartLine {
  metric: string;
  label: string;
  /** SVG dash pattern telling this line from the chart's others; solid when absent. */
  dash?: string;
}

/** One chart. */
export interface ChartSpec {
  id: string;
  title: string;
  lines: ChartLine[];
  /** A fixed y range (rates); otherwise recharts fits the data. */
  domain?: [number, number];
  hint: string;
}

/** The charts, in the order a reader follows the story: outcome, signal, entropy, update, EMPG. */
export const CHART_SPECS: readonly ChartSpec[] = [
  { id: 'success', title: 'Success rate', lines: [{ metric: 'env/success_rate', label: 'success' }], domain: [0, 1],
    hint: 'Share of the iteration\'s rollouts that solved their task.' },
  { id: 'reward', title: 'Reward', lines: [{ metric: 'reward/mean', label: 'mean reward' }],
    hint: 'Mean outcome reward per rollout (1 on success, minus invalid-action penalties in free decoding).' },
  { id: 'turns', title: 'Turns per episode', lines: [{ metric: 'env/num_turns', label: 'turns' }],
    hint: 'Mean number of actions per rollout; shorter means the policy finds the goal faster.' },
  { id: 'zero-std', title: 'Groups without signal', lines: [{ metric: 'frac_reward_zero_std', label: 'frac_reward_zero_std' }], domain: [0, 1],
    hint: 'Share of groups whose G rollouts all got the same reward: GRPO gives them zero advantage.' },
  { id: 'entropy', title: 'Entropy (nats)', lines: [
    { metric: 'entropy/token_mean', label: 'per token' },
    { metric: 'entropy/step_mean', label: 'per step', dash: '6 4' },
  ], hint: 'Mean entropy of the sampling distribution, per generated token and per step (mean over the step\'s tokens).' },
  { id: 'kl', title: 'Approx. KL', lines: [{ metric: 'policy/approx_kl', label: 'approx_kl' }],
    hint: 'How far the update moved the policy from the one that sampled the batch (k3 estimator).' },
  { id: 'clipfrac', title: 'Clip fraction', lines: [{ metric: 'policy/clipfrac', label: 'clipfrac' }],
    hint: 'Share of tokens whose probability ratio hit the PPO clip range.' },
  { id: 'grad-norm', title: 'Gradient norm', lines: [{ metric: 'grad/norm', label: 'grad norm' }],
    hint: 'Global norm of the update\'s gradient before clipping (mean over minibatches).' },
  { id: 'empg-g', title: 'EMPG scale g', lines: [
    { metric: 'empg/g_mean', label: 'mean' },
    { metric: 'empg/g_max', label: 'max', dash: '2 3' },
    { metric: 'empg/g_min', label: 'min', dash: '2 3' },
  ], hint: 'Self-calibrating gradient scale per step: above 1 for confident steps, below 1 for uncertain ones; its batch mean is 1.' },
  { id: 'empg-bonus', title: 'EMPG future-clarity bonus', lines: [{ metric: 'empg/bonus_mean', label: 'mean bonus' }],
    hint: 'Mean bonus ζ·f(H̃ of the next step) added to the advantage: rewards steps that lead to clear next steps.' },
];

/** The colour of each lane: blue and orange stay distinct for colour-blind readers and on a projector. */
export const LANE_COLOURS = ['#2554d8', '#d9620f'] as const;

/**
 * Every training setting, grouped as a teacher would hide them (`hide=` in the URL): environment,
 * algorithm, EMPG, training, sampling, initial weights. Each group says whether a change applies at
 * the next iteration or restarts the run.
 */
import type { ReactNode } from 'react';
import { ALGORITHM_TITLES, ALGORITHMS, PRESETS, type ControlGroup } from '../../store/urlState';
import { useView } from '../../store/viewStore';
import { Slider } from '../Slider';
import { NumberField } from './NumberField';
import { applySettings } from './runSettings';
import { SelectField } from './SelectField';

const algorithmOptions = ALGORITHMS.map((value) => ({ value, title: ALGORITHM_TITLES[value] }));
const LEARNING_RATES = [1e-4, 3e-4, 1e-3, 2e-3, 3e-3, 1e-2, 3e-2];

/** One hideable group of controls. */
function Group({ id, title, note, children }: { id: ControlGroup; title: string; note: string; children: ReactNode }) {
  const hidden = useView((s) => s.settings.hide.includes(id));
  if (hidden) return null;
  return (
    <fieldset className="settings-group" data-group={id}>
      <legend>{title}</legend>
      <div className="settings-fields">{children}</div>
      <p className="settings-note">{note}</p>
    </fieldset>
  );
}

/** The settings of the run. */
export function SettingsPanel() {
  const s = useView((state) => state.settings);
  const learningRates = LEARNING_RATES.includes(s.lr) ? LEARNING_RATES : [...LEARNING_RATES, s.lr].sort((a, b) => a - b);
  return (
    <div className="settings" aria-label="Training settings">
      <Group id="environment" title="Environment" note="Changing these restarts the run.">
        <SelectField label="env" value={s.env} testId="env-select" hint="The text environment the agent acts in."
          options={[{ value: 'alfworld', title: 'ALFWorld-lite' }, { value: 'webshop', title: 'WebShop-lite' }]}
          onChange={(env) => applySettings({ env })} />
        <SelectField label="preset" value={s.preset} testId="preset-select" hint="How hard the tasks are (tiny is easiest)."
          options={PRESETS.map((p) => ({ value: p, title: p }))} onChange={(preset) => applySettings({ preset })} />
        <NumberField label="seed" value={s.seed} min={0} max={2 ** 31 - 1} testId="seed-input"
          hint="Seed of everything random: initial weights, tasks, sampling. Same seed → same start." onCommit={(seed) => applySettings({ seed })} />
      </Group>
      <Group id="algorithm" title="Algorithm" note="Applies at the next iteration.">
        <SelectField label={s.compare ? 'lane 1' : 'algorithm'} value={s.algo} options={algorithmOptions} testId="algo-select"
          hint="The base estimator (GRPO or DAPO), with or without EMPG, its two ablations, or the signal-only bonus variant."
          onChange={(algo) => applySettings({ algo })} />
        {s.compare && (
          <SelectField label="lane 2" value={s.algo2} options={algorithmOptions} testId="algo2-select"
            hint="The algorithm of the second lane; it starts from the same seed, tasks and weights."
            onChange={(algo2) => applySettings({ algo2 })} />
        )}
      </Group>
      <Group id="empg" title="EMPG" note="Applies at the next iteration.">
        <Slider label="k" value={s.k} min={0} max={5} step={0.1} digits={1} testId="k-slider"
          hint="Temperature of the gradient scale g: larger k separates confident and uncertain steps more." onChange={(k) => applySettings({ k })} />
        <Slider label="k_F" value={s.kF} min={0} max={5} step={0.1} digits={1} testId="kf-slider"
          hint="Temperature of the future-clarity bonus f." onChange={(kF) => applySettings({ kF })} />
        <Slider label="ζ" value={s.zeta} min={0} max={1} step={0.01} digits={2} testId="zeta-slider"
          hint="Weight of the future-clarity bonus (0 turns it off)." onChange={(zeta) => applySettings({ zeta })} />
      </Group>
      <Group id="training" title="Training" note="Applies at the next iteration.">
        <SelectField label="lr" value={String(s.lr)} testId="lr-select" hint="Adam's step size; too large and training diverges."
          options={learningRates.map((lr) => ({ value: String(lr), title: String(lr) }))} onChange={(lr) => applySettings({ lr: Number(lr) })} />
        <NumberField label="G" value={s.G} min={1} max={32} testId="group-input"
          hint="Group size G: rollouts per task; GRPO compares them with each other." onCommit={(G) => applySettings({ G })} />
        <NumberField label="B" value={s.B} min={1} max={64} testId="batch-input"
          hint="Batch size B: tasks per iteration." onCommit={(B) => applySettings({ B })} />
      </Group>
      <Group id="sampling" title="Sampling" note="Applies at the next iteration.">
        <Slider label="temp." value={s.temperature} min={0.1} max={2} step={0.05} digits={2} testId="temperature-slider"
          hint="Temperature of the rollouts' sampling: higher is more random." onChange={(temperature) => applySettings({ temperature })} />
        <SelectField label="decoding" value={s.decoding} testId="decoding-select"
          hint="Masked: only tokens that continue an admissible action. Free: any token; invalid actions do nothing and cost reward."
          options={[{ value: 'masked', title: 'masked' }, { value: 'free', title: 'free text' }]}
          onChange={(decoding) => applySettings({ decoding })} />
      </Group>
      <Group id="init" title="Initial weights" note="Changing this restarts the run.">
        <SelectField label="from" value={s.init} testId="init-select"
          hint="The shipped base checkpoint (a supervised warm start) or a fresh random model."
          options={[{ value: 'base', title: 'base checkpoint' }, { value: 'scratch', title: 'scratch' }]}
          onChange={(init) => applySettings({ init })} />
      </Group>
    </div>
  );
}

/**
 * Every training setting, grouped as a teacher would hide them (`hide=` in the URL): environment,
 * algorithm, EMPG, training, sampling, initial weights. Each group says whether a change applies at
 * the next iteration or restarts the run.
 */
import type { ReactNode } from 'react';
import { ALGORITHM_TITLES, ALGORITHMS, presetsFor, type ControlGroup } from '../../store/urlState';
import { useView } from '../../store/viewStore';
import { Slider, type SliderProps } from '../Slider';
import { Help } from '../explain/Help';
import { DEFINITIONS, type Term } from '../explain/definitions';
import { NumberField } from './NumberField';
import { applySettings } from './runSettings';
import { SelectField } from './SelectField';

const algorithmOptions = ALGORITHMS.map((value) => ({ value, title: ALGORITHM_TITLES[value] }));
const STEP_ENTROPY_OPTIONS = [
  { value: 'all', title: 'all tokens (paper)' },
  { value: 'choices', title: 'choices only' },
  { value: 'normalized', title: 'choices ÷ log(options)' },
] as const;
const LEARNING_RATES = [1e-4, 3e-4, 1e-3, 2e-3, 3e-3, 1e-2, 3e-2];

/** A slider with the "?" of its definition. */
function HelpedSlider({ term, ...props }: Omit<SliderProps, 'hint'> & { term: Term }) {
  return (
    <div className="slider-help">
      <Slider {...props} hint={DEFINITIONS[term].text} />
      <Help term={term} />
    </div>
  );
}

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
        <SelectField label="env" value={s.env} testId="env-select" term="env"
          options={[{ value: 'alfworld', title: 'ALFWorld-lite' }, { value: 'webshop', title: 'WebShop-lite' }, { value: 'deepsearch', title: 'Deep Search-lite' }]}
          onChange={(env) => applySettings(presetsFor(env).includes(s.preset) ? { env } : { env, preset: 'tiny' })} />
        <SelectField label="preset" value={s.preset} testId="preset-select" term="preset"
          options={presetsFor(s.env).map((p) => ({ value: p, title: p }))} onChange={(preset) => applySettings({ preset })} />
        <NumberField label="seed" value={s.seed} min={0} max={2 ** 31 - 1} testId="seed-input" term="seed" onCommit={(seed) => applySettings({ seed })} />
      </Group>
      <Group id="algorithm" title="Algorithm" note="Applies at the next iteration.">
        <SelectField label={s.compare ? 'lane 1' : 'algorithm'} value={s.algo} options={algorithmOptions} testId="algo-select" term="algorithm"
          onChange={(algo) => applySettings({ algo })} />
        {s.compare && (
          <SelectField label="lane 2" value={s.algo2} options={algorithmOptions} testId="algo2-select" term="compare"
            onChange={(algo2) => applySettings({ algo2 })} />
        )}
      </Group>
      <Group id="empg" title="EMPG" note="Applies at the next iteration.">
        <HelpedSlider term="k" label="k" value={s.k} min={0} max={5} step={0.1} digits={1} testId="k-slider" onChange={(k) => applySettings({ k })} />
        <HelpedSlider term="kF" label="k_F" value={s.kF} min={0} max={5} step={0.1} digits={1} testId="kf-slider" onChange={(kF) => applySettings({ kF })} />
        <HelpedSlider term="zeta" label="ζ" value={s.zeta} min={0} max={1} step={0.01} digits={2} testId="zeta-slider" onChange={(zeta) => applySettings({ zeta })} />
        <SelectField label="step entropy" value={s.stepEntropy} testId="step-entropy-select" term="stepEntropy"
          options={STEP_ENTROPY_OPTIONS} onChange={(stepEntropy) => applySettings({ stepEntropy })} />
      </Group>
      <Group id="training" title="Training" note="Applies at the next iteration.">
        <SelectField label="lr" value={String(s.lr)} testId="lr-select" term="lr"
          options={learningRates.map((lr) => ({ value: String(lr), title: String(lr) }))} onChange={(lr) => applySettings({ lr: Number(lr) })} />
        <NumberField label="G" value={s.G} min={1} max={32} testId="group-input" term="groupSize" onCommit={(G) => applySettings({ G })} />
        <NumberField label="B" value={s.B} min={1} max={64} testId="batch-input" term="tasksPerIteration" onCommit={(B) => applySettings({ B })} />
      </Group>
      <Group id="sampling" title="Sampling" note="Applies at the next iteration.">
        <HelpedSlider term="temperature" label="temp." value={s.temperature} min={0.1} max={2} step={0.05} digits={2} testId="temperature-slider" onChange={(temperature) => applySettings({ temperature })} />
        <SelectField label="decoding" value={s.decoding} testId="decoding-select" term="decoding"
          options={[{ value: 'masked', title: 'masked' }, { value: 'free', title: 'free text' }]}
          onChange={(decoding) => applySettings({ decoding })} />
      </Group>
      <Group id="init" title="Model and initial weights" note="Changing these restarts the run.">
        <SelectField label="model" value={s.model} testId="model-select"
          hint="The network's size: tiny (d 32, one block) trains fast on a CPU backend; small (d 64, two blocks) is for a real GPU. The base checkpoints are of the tiny model, so a small one starts from scratch."
          options={[{ value: 'tiny', title: 'tiny (CPU)' }, { value: 'small', title: 'small (GPU)' }]}
          onChange={(model) => applySettings({ model })} />
        <SelectField label="from" value={s.init} testId="init-select"
          hint="Where the weights start: the shipped base checkpoint (a supervised warm start, of the tiny model only) or a fresh random model."
          options={[{ value: 'base', title: 'base checkpoint' }, { value: 'scratch', title: 'scratch' }]}
          onChange={(init) => applySettings({ init })} />
      </Group>
    </div>
  );
}

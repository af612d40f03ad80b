/** The world picker of the play panel: environment, preset, seed, "new world", and a scene/catalogue file. */
import { useId, useRef } from 'react';
import { ENV_OPTIONS, presetsOf, type PlayEnvName } from './playChoices';

/** Props of `PlayControls`. */
export interface PlayControlsProps {
  env: PlayEnvName;
  preset: string;
  seed: number;
  disabled: boolean;
  onWorld(env: PlayEnvName, preset: string, seed: number): void;
  onFile(file: File): void;
}

/** Largest seed "New world" draws (any integer works; small numbers are easy to read out in class). */
const NEW_WORLD_SEEDS = 10_000;

/** The world picker. Every change starts a new episode in the chosen world. */
export function PlayControls({ env, preset, seed, disabled, onWorld, onFile }: PlayControlsProps) {
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <div className="play-controls" role="group" aria-label="Choose a world">
      <span className="play-field">
        <label htmlFor={`${id}-env`}>Environment</label>
        <select id={`${id}-env`} data-testid="play-env" value={env} disabled={disabled}
          onChange={(e) => {
            const next = e.target.value as PlayEnvName;
            onWorld(next, presetsOf(next).includes(preset) ? preset : 'tiny', seed);
          }}>
          {ENV_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </span>
      <span className="play-field">
        <label htmlFor={`${id}-preset`}>Preset</label>
        <select id={`${id}-preset`} data-testid="play-preset" value={preset} disabled={disabled}
          onChange={(e) => onWorld(env, e.target.value, seed)}>
          {presetsOf(env).map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </span>
      <span className="play-field">
        <label htmlFor={`${id}-seed`}>Seed</label>
        <input id={`${id}-seed`} data-testid="play-seed" type="number" step={1} value={seed} disabled={disabled} className="play-seed"
          onChange={(e) => {
            const next = Number(e.target.value);
            if (e.target.value !== '' && Number.isSafeInteger(next)) onWorld(env, preset, next);
          }} />
      </span>
      <button type="button" data-testid="play-new-world" disabled={disabled}
        onClick={() => onWorld(env, preset, Math.floor(Math.random() * NEW_WORLD_SEEDS))}>
        New world
      </button>
      <button type="button" className="play-file-button" disabled={disabled} onClick={() => fileInput.current?.click()}
        title="An ALFWorld scene, a WebShop catalogue or a Deep Search knowledge base, as in docs/examples/">
        Load scene / catalogue…
      </button>
      <input ref={fileInput} type="file" accept=".json,application/json" className="sr-only" tabIndex={-1}
        aria-label="Load a scene or catalogue JSON file" data-testid="play-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // so that loading the same file again, after fixing it, fires a change
          if (file) onFile(file);
        }} />
    </div>
  );
}
